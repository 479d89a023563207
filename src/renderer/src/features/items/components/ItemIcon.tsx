import { Box, Tooltip } from '@mantine/core';
import { IconBox, IconFlask, IconKey, IconShield, IconSparkles, IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import { rarityColour } from '@shared/domain/item-rarity';
import { useImageRefusal } from '@renderer/lib/image-hosts';

const typeIcons: Record<string, typeof IconBox> = {
  MATERIAL: IconStack2,
  CONSUMABLE: IconFlask,
  EQUIPMENT: IconShield,
  COLLECTIBLE: IconSparkles,
  KEY: IconKey,
};

export interface ItemIconProps {
  url: string | null | undefined;
  type?: string;
  rarity?: string;
  size?: number;
  name?: string;
}

/**
 * An item's icon. Only images from Discord's CDN and the hosts staff allow are fetched (anyone
 * who can make the bot store text can write this URL; fetching it would tell that host who is
 * looking). The type's glyph in the rarity colour sits underneath: it shows while the image
 * loads, and stays when there is none, it is not allowed, or it fails.
 */
export function ItemIcon({ url, type = '', rarity = 'Common', size = 24, name }: ItemIconProps) {
  const [loaded, setLoaded] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const refusalOf = useImageRefusal();
  const colour = rarityColour(rarity);
  const refusal = url ? refusalOf(url) : null;
  const usable = typeof url === 'string' && url !== '' && refusal === null && failed !== url;
  const Glyph = typeIcons[type] ?? IconBox;
  const state = usable ? (loaded === url ? 'image' : 'loading') : refusal ? 'refused' : url ? 'failed' : 'none';
  const icon = (
    <Box
      data-testid="item-icon"
      data-state={state}
      style={{
        position: 'relative',
        width: size,
        height: size,
        flex: 'none',
        borderRadius: 4,
        overflow: 'hidden',
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        color: `var(--mantine-color-${colour}-light-color)`,
        border: `1px solid var(--mantine-color-${colour}-outline)`,
        background: `var(--mantine-color-${colour}-light)`,
      }}
    >
      <Glyph size={Math.round(size * 0.62)} stroke={1.6} />
      {usable ? (
        <img
          src={url}
          alt={name ?? ''}
          width={size}
          height={size}
          referrerPolicy="no-referrer"
          style={{ position: 'absolute', inset: 0, objectFit: 'cover', opacity: loaded === url ? 1 : 0 }}
          onLoad={() => setLoaded(url)}
          onError={() => setFailed(url)}
        />
      ) : null}
    </Box>
  );
  if (!url || (state !== 'failed' && state !== 'refused')) return icon;
  return <Tooltip label={refusal ?? 'The image did not load'}>{icon}</Tooltip>;
}

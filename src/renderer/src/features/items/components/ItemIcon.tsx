import { Box, Tooltip } from '@mantine/core';
import { IconBox, IconFlask, IconKey, IconShield, IconSparkles, IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import { rarityColour } from '@shared/domain/item-rarity';

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
 * An item's icon. Only https URLs are fetched (the CSP allows https: images and nothing that
 * runs). The type's glyph in the rarity colour sits underneath: it shows while the image loads,
 * and stays when there is none or it fails.
 */
export function ItemIcon({ url, type = '', rarity = 'Common', size = 24, name }: ItemIconProps) {
  const [loaded, setLoaded] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const colour = rarityColour(rarity);
  const https = typeof url === 'string' && url.startsWith('https://');
  const usable = https && failed !== url;
  const Glyph = typeIcons[type] ?? IconBox;
  const state = usable ? (loaded === url ? 'image' : 'loading') : url ? 'failed' : 'none';
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
  if (!url || state !== 'failed') return icon;
  return <Tooltip label={https ? 'The image did not load' : 'Only https images are shown'}>{icon}</Tooltip>;
}

/**
 * Beside a case, a player, a quest or a drop: "Copy desk link" (aurora-desk://case/42, which
 * opens the desk at that place from a Discord message or anywhere else) and, for the places
 * that pop out, "Open in a new window".
 */
import { ActionIcon, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconLink, IconWindowMaximize } from '@tabler/icons-react';
import { deskLinkFor, placeTitle, type DeskPlace, type LinkedPlace } from '@shared/desk-links';
import { popOut } from '@renderer/lib/pop-out';

export function CopyDeskLink({ place }: { place: LinkedPlace }) {
  const link = deskLinkFor(place);
  return (
    <CopyButton value={link} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Desk link copied' : `Copy desk link (${link})`} withArrow>
          <ActionIcon
            size="sm"
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            onClick={(event) => {
              event.stopPropagation();
              copy();
            }}
            aria-label={`Copy desk link to ${placeTitle(place)}`}
            data-testid="copy-desk-link"
            data-link={link}
          >
            {copied ? <IconCheck size={14} /> : <IconLink size={14} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

export function PopOutButton({ place }: { place: DeskPlace }) {
  return (
    <Tooltip label="Open in a new window" withArrow>
      <ActionIcon
        size="sm"
        variant="subtle"
        color="gray"
        onClick={(event) => {
          event.stopPropagation();
          popOut(place);
        }}
        aria-label={`Open ${placeTitle(place)} in a new window`}
        data-testid="pop-out"
      >
        <IconWindowMaximize size={14} />
      </ActionIcon>
    </Tooltip>
  );
}

/** Both, side by side: the link for any linked place, the pop-out where the place pops out. */
export function DeskPlaceActions({ place, popOut: canPopOut = false }: { place: LinkedPlace; popOut?: boolean }) {
  return (
    <Group gap={2} wrap="nowrap">
      <CopyDeskLink place={place} />
      {canPopOut ? <PopOutButton place={place} /> : null}
    </Group>
  );
}

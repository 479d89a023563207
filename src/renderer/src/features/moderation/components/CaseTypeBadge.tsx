/**
 * A case type with its consistent colour and icon (warn amber, timeout orange, kick red-orange,
 * ban red, note grey). Types the desk does not know are shown as the bot wrote them, neutral.
 */
import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconClockPause, IconDoorExit, IconNote, IconQuestionMark, IconTag } from '@tabler/icons-react';
import type { ComponentType } from 'react';

interface TypeStyle {
  color: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  label: string;
}

/** Theme colours, not hex values: the theme keeps their text at AA contrast in both schemes. */
export const caseTypeStyles: Record<string, TypeStyle> = {
  warn: { color: 'yellow', icon: IconAlertTriangle, label: 'Warn' },
  timeout: { color: 'orange', icon: IconClockPause, label: 'Timeout' },
  kick: { color: 'kick', icon: IconDoorExit, label: 'Kick' },
  ban: { color: 'red', icon: IconBan, label: 'Ban' },
  note: { color: 'gray', icon: IconNote, label: 'Note' },
};

/** A type's name for people: "Warn", and for types the desk does not know, their own words ("voice_mute" → "Voice mute"). */
export function caseTypeLabel(type: string): string {
  const known = caseTypeStyles[type.toLowerCase()];
  if (known) return known.label;
  const words = type.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : type;
}

export function caseTypeStyle(type: string | null): TypeStyle & { known: boolean } {
  if (type === null) return { color: 'gray', icon: IconQuestionMark, label: 'no type', known: false };
  const known = caseTypeStyles[type.toLowerCase()];
  return known ? { ...known, known: true } : { color: 'gray', icon: IconTag, label: caseTypeLabel(type), known: false };
}

export function CaseTypeBadge({ type, size = 'sm' }: { type: string | null; size?: 'xs' | 'sm' | 'md' }) {
  const style = caseTypeStyle(type);
  const Icon = style.icon;
  return (
    <Badge
      size={size}
      color={style.color}
      variant={style.known ? 'light' : 'outline'}
      leftSection={<Icon size={11} stroke={2} />}
      styles={{ root: { textTransform: 'none', maxWidth: '100%' }, label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
      title={style.known ? style.label : type === null ? 'No type recorded' : `${style.label}: the bot's type "${type}" (no colour of its own)`}
      data-case-type={type ?? ''}
    >
      {style.label}
    </Badge>
  );
}

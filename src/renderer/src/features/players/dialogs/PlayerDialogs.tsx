/** Which staff action dialog is open on the profile, and the one place that renders it. */
import type { PlayerProfile, TimerEntry } from '@shared/domain/players';
import { ChangeClassDialog, ClearTimerDialog, SetActiveDialog } from './AccountDialogs';
import { CurrencyDialog } from './CurrencyDialog';
import { ItemDialog } from './ItemDialog';

export type PlayerDialog =
  | { kind: 'grantCurrency' }
  | { kind: 'takeCurrency' }
  | { kind: 'grantItem'; itemId?: number }
  | { kind: 'removeItem'; itemId?: number }
  | { kind: 'clearTimer'; timer: TimerEntry }
  | { kind: 'setActive'; active: boolean }
  | { kind: 'changeClass' };

export function PlayerDialogs({ profile, dialog, onClose }: { profile: PlayerProfile; dialog: PlayerDialog | null; onClose(): void }) {
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'grantCurrency':
      return <CurrencyDialog profile={profile} mode="grant" onClose={onClose} />;
    case 'takeCurrency':
      return <CurrencyDialog profile={profile} mode="take" onClose={onClose} />;
    case 'grantItem':
      return <ItemDialog profile={profile} mode="grant" itemId={dialog.itemId} onClose={onClose} />;
    case 'removeItem':
      return <ItemDialog profile={profile} mode="remove" itemId={dialog.itemId} onClose={onClose} />;
    case 'clearTimer':
      return <ClearTimerDialog profile={profile} timer={dialog.timer} onClose={onClose} />;
    case 'setActive':
      return <SetActiveDialog profile={profile} active={dialog.active} onClose={onClose} />;
    case 'changeClass':
      return <ChangeClassDialog profile={profile} onClose={onClose} />;
  }
}

import { Loader } from '@mantine/core';
import { IconBell, IconBrandDiscord, IconDatabase, IconHistory, IconSettings, IconUser } from '@tabler/icons-react';
import { ErrorState } from '../../components/ErrorState';
import { Page, PageBody } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { PageTabs, tabPanelProps } from '../../components/PageTabs';
import { navigate, useRoute } from '../../lib/router';
import { useSettings } from './api';
import { AuditSection } from './components/AuditSection';
import { ConnectionSection } from './components/ConnectionSection';
import { DiscordSection } from './components/DiscordSection';
import { IdentitySection } from './components/IdentitySection';
import { PreferencesSection } from './components/PreferencesSection';

/** The sections, addressed as #/settings?section=<value> (errors link straight to theirs). */
const sections = [
  { value: 'connection', label: 'Connection', icon: IconDatabase },
  { value: 'identity', label: 'Staff identity', icon: IconUser },
  { value: 'discord', label: 'Discord', icon: IconBrandDiscord },
  { value: 'preferences', label: 'Preferences', icon: IconBell },
  { value: 'audit', label: 'Audit log', icon: IconHistory },
] as const;
type Section = (typeof sections)[number]['value'];

export function SettingsPage() {
  const route = useRoute();
  const wanted = route.search.get('section');
  const section: Section = sections.find((s) => s.value === wanted)?.value ?? 'connection';
  const settings = useSettings();

  let body: React.ReactNode;
  if (section === 'audit') body = <AuditSection />;
  else if (settings.isPending) body = <Loader size="sm" />;
  else if (settings.isError) body = <ErrorState error={settings.error} onRetry={() => void settings.refetch()} what="the settings" />;
  else if (section === 'connection') body = <ConnectionSection view={settings.data} />;
  // Keyed by what was saved: after a save (or a change elsewhere) the form starts from it.
  else if (section === 'identity') body = <IdentitySection key={`${settings.data.identity?.id}-${settings.data.identity?.name}`} view={settings.data} />;
  else if (section === 'discord') body = <DiscordSection key={JSON.stringify({ ...settings.data.discord, guildId: settings.data.discord.guildId?.toString() })} view={settings.data} />;
  else body = <PreferencesSection view={settings.data} />;

  return (
    <Page testId="settings-page">
      <PageHeader
        title="Settings"
        description="Connection profiles, your staff identity, Discord, notifications and theme, and the audit log."
        icon={IconSettings}
      >
        <PageTabs tabs={sections} value={section} onChange={(value) => navigate({ area: 'settings', search: { section: value } }, { replace: true })} testId="settings-tab" />
      </PageHeader>
      <PageBody>
        <div {...tabPanelProps('settings-tab', section)}>{body}</div>
      </PageBody>
    </Page>
  );
}

/**
 * The first open: a greeting with one step (who is acting: the staff identity every change is
 * recorded under) and a line on what each screen is for. Shown in place of the first screen when
 * the window opens on no particular page and no identity is set; any page link leaves it.
 */
import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconSparkles, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { AreaDefinition } from '@renderer/lib/areas';
import { hrefFor, navigate } from '@renderer/lib/router';
import { Page, PageBody } from '@renderer/components/Page';
import { PageHeader } from '@renderer/components/PageHeader';
import { useSetIdentity } from './api';
import { FormError } from './components/FormError';
import { SnowflakeInput } from './components/SnowflakeInput';
import { useSettingsForm } from './hooks/use-settings-form';

export function Welcome({ areas }: { areas: readonly AreaDefinition[] }) {
  const save = useSetIdentity();
  const form = useSettingsForm({ id: '', name: '' }, save.error);
  const [actingAs, setActingAs] = useState<string | null>(null);
  const first = areas[0];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // The ID stays a decimal string until the main process parses it: never a JS number.
    save.mutate({ id: form.values.id.trim(), name: form.values.name }, { onSuccess: (saved) => setActingAs(saved.name) });
  };

  return (
    <Page testId="welcome">
      <PageHeader title="Welcome to Aurora Desk" icon={IconSparkles} description="The staff desk for the Aurora bot: one step, then the screens." />
      <PageBody>
        <Stack gap="xl" maw={880}>
          <Stack gap="sm" data-testid="welcome-identity">
            <Group gap="xs">
              <Badge variant="light">Step 1</Badge>
              <Title order={2} size="h4">
                Set your staff identity
              </Title>
            </Group>
            {actingAs ? (
              <Group gap="xs" data-testid="welcome-identity-done">
                <ThemeIcon variant="light" color="teal" size="sm">
                  <IconUserCheck size={14} />
                </ThemeIcon>
                <Text size="sm">
                  Acting as <b>{actingAs}</b>. You can change it in Settings → Identity.
                </Text>
              </Group>
            ) : (
              <>
                <Text size="sm" c="dimmed" maw={620}>
                  Every change made here (resolving a case, spawning a drop, granting coins) is recorded under your Discord ID and name. Reading works
                  without it; changes wait until it is set.
                </Text>
                <form onSubmit={submit} data-testid="welcome-identity-form">
                  <Group align="flex-start" gap="sm" wrap="wrap">
                    <SnowflakeInput label="Discord user ID" placeholder="e.g. 1100000000000000001" w={260} {...form.bind('id')} data-testid="welcome-identity-id" />
                    <TextInput label="Display name" placeholder="Nyx" w={220} {...form.bind('name')} data-testid="welcome-identity-name" />
                    <Button type="submit" mt={25} loading={save.isPending} disabled={!form.dirty} data-testid="welcome-identity-save">
                      Save identity
                    </Button>
                  </Group>
                  <FormError message={form.formError} />
                </form>
                <Text size="xs" c="dimmed">
                  In Discord: Settings → Advanced → Developer Mode, then right-click your name → Copy User ID.
                </Text>
              </>
            )}
          </Stack>

          <Stack gap="sm">
            <Title order={2} size="h4">
              The screens
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="welcome-screens">
              {areas.map((area) => (
                <Group key={area.id} gap="sm" wrap="nowrap" align="flex-start" data-testid="welcome-screen">
                  <ThemeIcon variant="light" size="lg">
                    <area.icon size={18} />
                  </ThemeIcon>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Anchor href={hrefFor(area.id)} fw={600} size="sm">
                      {area.label}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {area.description}
                    </Text>
                  </Stack>
                </Group>
              ))}
            </SimpleGrid>
          </Stack>

          {first ? (
            <Group>
              <Button variant={actingAs ? 'filled' : 'default'} rightSection={<IconArrowRight size={14} />} onClick={() => navigate(first.id)} data-testid="welcome-start">
                Go to {first.label}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </PageBody>
    </Page>
  );
}

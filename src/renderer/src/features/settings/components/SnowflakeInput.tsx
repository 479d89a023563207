import { TextInput, type TextInputProps } from '@mantine/core';
import { monoInput } from './mono-input';

/**
 * A Discord ID staff paste in: monospace like every snowflake on screen, a digit keyboard where
 * there is one, never autofilled. It stays text: a snowflake does not fit a JS number.
 */
export function SnowflakeInput(props: TextInputProps) {
  return <TextInput placeholder="123456789012345678" styles={monoInput} inputMode="numeric" autoComplete="off" {...props} />;
}

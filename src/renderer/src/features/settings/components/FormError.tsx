import { Text } from '@mantine/core';

/** A refused save that names no field, under the form's fields, in the server's words and line breaks. */
export function FormError({ message }: { message: string | null }) {
  return message ? (
    <Text size="sm" c="red" style={{ whiteSpace: 'pre-wrap' }}>
      {message}
    </Text>
  ) : null;
}

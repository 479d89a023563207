import { z } from 'zod';

/** Discord snowflakes travel as decimal strings in forms and as bigint everywhere else. */
/** The first millisecond of 2015 (UTC): a snowflake's time bits count from it. */
export const DISCORD_EPOCH_MS = 1420070400000;

export const snowflakeSchema = z
  .string()
  .trim()
  .regex(/^\d{15,20}$/, 'A Discord ID is 15 to 20 digits')
  // zod 4 runs refinements after a failed regex too: guard, or BigInt('12ab') throws.
  .refine((s) => !/^\d+$/.test(s) || BigInt(s) < 2n ** 63n, 'Too large for a Discord ID')
  .transform((s) => BigInt(s));

export const staffIdentitySchema = z.object({
  id: snowflakeSchema,
  name: z.string().trim().min(1, 'Enter your display name').max(255),
});

export interface StaffIdentity {
  id: bigint;
  name: string;
}

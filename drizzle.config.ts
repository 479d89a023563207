import { defineConfig } from 'drizzle-kit';

// Generates the SQL that creates the bot's tables on an EMPTY database (the embedded demo and
// tests). Aurora Desk never runs these against a database that already holds the bot's tables.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/main/db/schema.ts',
  out: './drizzle',
});

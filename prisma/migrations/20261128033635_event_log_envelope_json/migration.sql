-- Envelopes are stored as sent (json text): parsing them into jsonb on append and printing them again for
-- every reader cost more than the rest of the append. The change rewrites the table once.
ALTER TABLE "backbone"."EventLog" ALTER COLUMN "envelope" SET DATA TYPE JSON;

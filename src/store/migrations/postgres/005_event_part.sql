-- Issue 14, real copy: where an event's sentence stands (body, headline or caption), and for a headline or
-- caption event the event_key of the body event it repeats. Series and actor counts leave repeats out.
ALTER TABLE events ADD COLUMN part TEXT NOT NULL DEFAULT 'body' CHECK (part IN ('body', 'headline', 'caption'));
ALTER TABLE events ADD COLUMN repeats TEXT;

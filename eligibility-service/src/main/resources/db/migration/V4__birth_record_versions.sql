-- A formal correction of a birth (a paternity acknowledged later) takes effect on its own date: the record before it
-- stays in force for the days before (the rules read the record as it stood on each day).
alter table birth_fact add column record_from date;
alter table birth_fact add column earlier jsonb;

-- The consumers of registrations and of households run side by side and link the same people to the same household
-- (a birth links the child, and so does the household snapshot published with it). Under a unique key, inserting a
-- link that another open transaction has just inserted waits until that transaction commits: a whole poll. Measured
-- on the pipeline benchmark, the link inserts waited 513 s in all for 2,200 births. Without it, a link is inserted
-- unless one is visible, two concurrent transactions may each add the same link once, and readers take it once.
alter table household_person drop constraint household_person_pkey;
create index household_person_person on household_person (person_id, household_id);

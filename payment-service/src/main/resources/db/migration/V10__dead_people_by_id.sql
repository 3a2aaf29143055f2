-- Planning and assigning look up each payment's recipient among the dead (nothing is paid for a month after the month
-- of death). Without an index of the dead, the assigning statement read the whole register once per file: at 100,000
-- people a scan of every person for each file of 5,000, at a million people two hundred files each reading a million
-- rows. The dead are few against the living, so this index stays small and the look-up is one probe per payment.
create index person_dead on person (person_id) where date_of_death is not null;

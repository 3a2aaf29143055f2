-- The registry's two topics are read by one consumer now ('eligibility.registry'); the events the two earlier
-- consumers handled stay handled, so a redelivery across the upgrade is still skipped.
update processed_message set consumer = 'eligibility.registry'
where consumer in ('eligibility.registrations', 'eligibility.households');

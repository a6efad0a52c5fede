-- Erasure on the office server (docs/SYNC.md, "Erasure on the office server"). When a person is
-- erased, the erasing laptop asks the server to delete the sealed bytes of the changes that held
-- them: `sealed` becomes NULL and `erased_at` says when. The row keeps its routing facts (partition,
-- sequence number, change id, key version, device, hash of the sealed bytes, office chain link), so
-- pull cursors stay gap-free, a replayed push is still answered, and the office chain still
-- verifies; laptops that pull it later skip it. Document chunks are deleted outright.
ALTER TABLE changes ALTER COLUMN sealed DROP NOT NULL;
ALTER TABLE changes ADD COLUMN erased_at timestamptz;
ALTER TABLE changes ADD CONSTRAINT changes_erased CHECK ((sealed IS NULL) = (erased_at IS NOT NULL));

-- Reads at a province's size, fifth round (issue 20): the target list's export of an industry chain (12,600 enterprises)
-- sorted them all before its first row, as enterprises_chain_order (0009) orders by priority within each role only.
-- Here the chain's enterprises are in the export's order, which the export's cursor walks a batch at a time.
CREATE INDEX enterprises_chain_priority ON enterprises (industry_chain, priority, name, id);

-- The yearly targets moved to the project service's statistics (statistics_targets, PUT /api/statistics/targets), which
-- keep them per district and indicator and measure progress on every figure; funding's city-wide pair is no longer read.
DROP TABLE yearly_targets;

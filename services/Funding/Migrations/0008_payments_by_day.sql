-- The payment register of one year (GET /api/incentive-payments.csv?year=) reads that year's payments by this index.
CREATE INDEX incentive_payments_paid_at ON incentive_payments (paid_at);

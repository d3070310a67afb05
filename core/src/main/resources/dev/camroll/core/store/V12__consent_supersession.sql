-- One pending consent request per app: a request that asks something else than the pending one
-- replaces it, which is then answered and names its successor (its waiters follow that one).
ALTER TABLE consent_requests ADD COLUMN superseded_by TEXT;
CREATE INDEX consent_requests_pending_by_app ON consent_requests (app_id) WHERE answered_at IS NULL;

-- One pending consent request per app: a request that asks something else than the pending one
-- replaces it, which is then answered and names its successor (its waiters follow that one).
ALTER TABLE consent_requests ADD COLUMN superseded_by TEXT;
CREATE INDEX consent_requests_pending_by_app ON consent_requests (app_id) WHERE answered_at IS NULL;

-- Apps that registered themselves (RFC 7591), as opposed to those the owner added: only they
-- count against the cap of apps waiting for the owner's consent, and expire when never answered.
-- Before this version only registered apps had redirect URIs (device-only ones cannot be told apart).
ALTER TABLE apps ADD COLUMN self_registered INTEGER NOT NULL DEFAULT 0;
UPDATE apps SET self_registered = 1 WHERE redirect_uris <> '';

-- Every signature simsa verify checks, one line each, in hex, for bench/verify_floor:
--   "R PUBLIC_KEY SIGNED_TEXT MINISIG"  a signed record and its .minisig (two Ed25519 each)
--   "E PUBLIC_KEY EVENT_HASH SIGNATURE" an audit event's signature, by its actor's key
--                                        (Ed25519 over "simsa event v1\n" || the chain hash)
WITH signed(person, text, sig) AS (
    SELECT person_id, signed_text, signature FROM review
    UNION ALL SELECT person_id, signed_text, signature FROM conflict
    UNION ALL SELECT person_id, signed_text, signature FROM bonus_change
    UNION ALL SELECT submitted_by, signed_text, signature FROM sheet
    UNION ALL SELECT person_id, signed_text, signature FROM tie_decision
    UNION ALL SELECT person_id, signed_text, signature FROM forfeit
    UNION ALL SELECT person_id, signed_text, signature FROM budget_change
    UNION ALL SELECT person_id, signed_text, signature FROM audit_head
    UNION ALL SELECT person_id, signed_text, signature FROM result_final
    UNION ALL SELECT person_id, signed_text, signature FROM inspection)
SELECT 'R ' || hex(p.public_key) || ' ' || hex(s.text) || ' ' || hex(s.sig)
FROM signed s JOIN person p ON p.id = s.person WHERE s.text IS NOT NULL
UNION ALL
SELECT 'E ' || hex(p.public_key) || ' ' || hex(e.hash) || ' ' || hex(e.signature)
FROM event e JOIN person p ON p.name = e.actor WHERE e.signature IS NOT NULL;

-- Every signed record of a call as "PUBLIC_KEY TEXT SIGNATURE" in hex, for bench/verify_floor.
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
SELECT hex(p.public_key) || ' ' || hex(s.text) || ' ' || hex(s.sig)
FROM signed s JOIN person p ON p.id = s.person WHERE s.text IS NOT NULL;

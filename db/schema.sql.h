/* The schema, migration by migration (PRAGMA user_version = index + 1). Scores are integers in
 * tenths of a point, amounts integers in won, times UTC ISO 8601 text, dates YYYY-MM-DD. */
#ifndef SIMSA_SCHEMA_H
#define SIMSA_SCHEMA_H

#define APPEND_ONLY(t)                                                                             \
    "CREATE TRIGGER " t "_no_update BEFORE UPDATE ON " t                                           \
    " BEGIN SELECT RAISE(ABORT, 'signed records are never changed'); END;\n"                       \
    "CREATE TRIGGER " t "_no_delete BEFORE DELETE ON " t                                           \
    " BEGIN SELECT RAISE(ABORT, 'signed records are never removed'); END;\n"

static const char *const schema_migrations[] = {
    /* 1: the whole store */
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;\n"
    "CREATE TABLE program(id INTEGER PRIMARY KEY CHECK (id = 1), program_id TEXT NOT NULL,\n"
    "  source TEXT NOT NULL) STRICT;\n"
    "CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,\n"
    "  role TEXT NOT NULL CHECK (role IN ('judge','secretariat','inspector')),\n"
    "  key_id BLOB NOT NULL, public_key BLOB NOT NULL, sealed_key BLOB NOT NULL,\n"
    "  created TEXT NOT NULL) STRICT;\n"
    "CREATE TABLE panel(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;\n"
    "CREATE TABLE panel_judge(panel_id INTEGER NOT NULL REFERENCES panel(id),\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id), PRIMARY KEY (panel_id, person_id))\n"
    "  STRICT;\n"
    "CREATE TABLE application(id TEXT PRIMARY KEY, company TEXT NOT NULL, biz_no TEXT NOT NULL,\n"
    "  size TEXT NOT NULL CHECK (size IN ('sme','midsize','large')), region TEXT NOT NULL,\n"
    "  factory_region TEXT NOT NULL, industry TEXT NOT NULL, founded TEXT NOT NULL,\n"
    "  supplier TEXT NOT NULL, supplier_region TEXT NOT NULL,\n"
    "  supplier_pools INTEGER NOT NULL CHECK (supplier_pools IN (0,1)),\n"
    "  requested INTEGER NOT NULL CHECK (requested >= 0),\n"
    "  copay INTEGER NOT NULL CHECK (copay >= 0), title TEXT NOT NULL,\n"
    "  contact_name TEXT NOT NULL, contact_email TEXT NOT NULL, received TEXT NOT NULL,\n"
    "  received_has_time INTEGER NOT NULL, panel_id INTEGER REFERENCES panel(id),\n"
    "  imported TEXT NOT NULL) STRICT;\n"
    "CREATE TABLE document(app_id TEXT NOT NULL REFERENCES application(id),\n"
    "  doc INTEGER NOT NULL, issued TEXT NOT NULL, PRIMARY KEY (app_id, doc)) STRICT;\n"
    "CREATE TABLE checklist(app_id TEXT NOT NULL REFERENCES application(id),\n"
    "  item TEXT NOT NULL, answer INTEGER NOT NULL CHECK (answer IN (0,1)),\n"
    "  note TEXT NOT NULL, person_id INTEGER REFERENCES person(id), at TEXT NOT NULL,\n"
    "  PRIMARY KEY (app_id, item)) STRICT;\n"
    "CREATE TABLE finance(app_id TEXT NOT NULL REFERENCES application(id),\n"
    "  year INTEGER NOT NULL, liabilities INTEGER NOT NULL, equity INTEGER NOT NULL,\n"
    "  current_assets INTEGER NOT NULL, current_liabilities INTEGER NOT NULL,\n"
    "  PRIMARY KEY (app_id, year)) STRICT;\n"
    "CREATE TABLE review(id INTEGER PRIMARY KEY, app_id TEXT NOT NULL REFERENCES application(id),\n"
    "  passed INTEGER NOT NULL CHECK (passed IN (0,1)), reasons TEXT NOT NULL,\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id), at TEXT NOT NULL,\n"
    "  signed_text TEXT, signature TEXT) STRICT;\n"
    "CREATE INDEX review_app ON review(app_id, id);\n"
    "CREATE TABLE inspection(id INTEGER PRIMARY KEY,\n"
    "  app_id TEXT NOT NULL REFERENCES application(id), date TEXT NOT NULL, team TEXT NOT NULL,\n"
    "  facts TEXT NOT NULL, findings TEXT NOT NULL, notes TEXT NOT NULL,\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id), at TEXT NOT NULL,\n"
    "  signed_text TEXT, signature TEXT) STRICT;\n"
    "CREATE TABLE conflict(app_id TEXT NOT NULL REFERENCES application(id),\n"
    "  judge_id INTEGER NOT NULL REFERENCES person(id), reason TEXT NOT NULL,\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id), at TEXT NOT NULL,\n"
    "  signed_text TEXT, signature TEXT, PRIMARY KEY (app_id, judge_id)) STRICT;\n"
    /* Bonuses as an append-only signed log: the latest change of (app, bonus) is in force. */
    "CREATE TABLE bonus_change(id INTEGER PRIMARY KEY,\n"
    "  app_id TEXT NOT NULL REFERENCES application(id), bonus TEXT NOT NULL,\n"
    "  awarded INTEGER NOT NULL CHECK (awarded IN (0,1)), note TEXT NOT NULL,\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id), at TEXT NOT NULL,\n"
    "  signed_text TEXT, signature TEXT) STRICT;\n"
    "CREATE TABLE budget_change(id INTEGER PRIMARY KEY, won INTEGER NOT NULL CHECK (won >= 0),\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id), at TEXT NOT NULL,\n"
    "  signed_text TEXT, signature TEXT) STRICT;\n"
    "CREATE TABLE audit_head(id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, hash BLOB NOT NULL,\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id), at TEXT NOT NULL,\n"
    "  signed_text TEXT, signature TEXT) STRICT;\n"
    "CREATE TABLE result_final(id INTEGER PRIMARY KEY,\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id), at TEXT NOT NULL,\n"
    "  signed_text TEXT NOT NULL, signature TEXT NOT NULL) STRICT;\n"
    "CREATE TABLE sheet(id INTEGER PRIMARY KEY, app_id TEXT NOT NULL REFERENCES application(id),\n"
    "  judge_id INTEGER NOT NULL REFERENCES person(id), opinion TEXT NOT NULL,\n"
    "  transcribed INTEGER NOT NULL CHECK (transcribed IN (0,1)),\n"
    "  submitted_by INTEGER NOT NULL REFERENCES person(id), submitted_at TEXT NOT NULL,\n"
    "  signed_text TEXT, signature TEXT, UNIQUE (app_id, judge_id)) STRICT;\n"
    "CREATE TABLE sheet_item(sheet_id INTEGER NOT NULL REFERENCES sheet(id),\n"
    "  item TEXT NOT NULL, tenths INTEGER NOT NULL CHECK (tenths >= 0),\n"
    "  comment TEXT NOT NULL DEFAULT '', PRIMARY KEY (sheet_id, item)) STRICT;\n"
    "CREATE TABLE amount_vote(sheet_id INTEGER PRIMARY KEY REFERENCES sheet(id),\n"
    "  agree INTEGER NOT NULL CHECK (agree IN (0,1)),\n"
    "  amount INTEGER NOT NULL CHECK (amount >= 0)) STRICT;\n"
    "CREATE TABLE tie_decision(id INTEGER PRIMARY KEY, members TEXT NOT NULL,\n"
    "  reason TEXT NOT NULL, person_id INTEGER NOT NULL REFERENCES person(id),\n"
    "  at TEXT NOT NULL, signed_text TEXT, signature TEXT) STRICT;\n"
    "CREATE TABLE forfeit(app_id TEXT PRIMARY KEY REFERENCES application(id),\n"
    "  reason TEXT NOT NULL, promoted TEXT NOT NULL,\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id), at TEXT NOT NULL,\n"
    "  signed_text TEXT, signature TEXT) STRICT;\n"
    "CREATE TABLE event(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,\n"
    "  kind TEXT NOT NULL, app_id TEXT NOT NULL, detail TEXT NOT NULL,\n"
    "  prev_hash BLOB NOT NULL, hash BLOB NOT NULL) STRICT;\n"
    /* The event log is append-only: no row is ever changed or removed. */
    "CREATE TRIGGER event_no_update BEFORE UPDATE ON event\n"
    "  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;\n"
    "CREATE TRIGGER event_no_delete BEFORE DELETE ON event\n"
    "  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;\n"
    /* Signed records are never changed or removed either (R11.5: nothing is deleted). */
    APPEND_ONLY("review") APPEND_ONLY("inspection") APPEND_ONLY("conflict")
        APPEND_ONLY("bonus_change") APPEND_ONLY("budget_change") APPEND_ONLY("sheet")
            APPEND_ONLY("sheet_item") APPEND_ONLY("amount_vote") APPEND_ONLY("tie_decision")
                APPEND_ONLY("forfeit") APPEND_ONLY("audit_head") APPEND_ONLY("result_final"),
    /* 2: the judges' session. A draft is a judge's unsubmitted score form, saved each time a
     * field is left so a crash loses nothing; it is never a sheet (rank reads sheets only), and
     * the sheet submitted, or a conflict declared, removes it in the same transaction. The
     * presentation order places each application in its panel's lineup (1 first). Per-item
     * comments of a sheet live in sheet_item.comment, signed with the sheet. */
    "CREATE TABLE draft(judge_id INTEGER NOT NULL REFERENCES person(id),\n"
    "  app_id TEXT NOT NULL REFERENCES application(id), payload TEXT NOT NULL,\n"
    "  saved_at TEXT NOT NULL, PRIMARY KEY (judge_id, app_id)) STRICT;\n"
    "CREATE TRIGGER sheet_clears_draft AFTER INSERT ON sheet BEGIN\n"
    "  DELETE FROM draft WHERE judge_id = NEW.judge_id AND app_id = NEW.app_id; END;\n"
    "CREATE TRIGGER conflict_clears_draft AFTER INSERT ON conflict BEGIN\n"
    "  DELETE FROM draft WHERE judge_id = NEW.judge_id AND app_id = NEW.app_id; END;\n"
    "CREATE TABLE presentation_order(app_id TEXT PRIMARY KEY REFERENCES application(id),\n"
    "  position INTEGER NOT NULL CHECK (position >= 1)) STRICT;\n",
    /* 3: every event is signed by the person who made it (Ed25519 over its hash, see
     * core/keys.h event_sign). Events already in the log were made before this: the first event
     * that must be signed is recorded, and verify names the ones before it once. */
    "ALTER TABLE event ADD COLUMN signature BLOB;\n"
    "INSERT INTO meta(key, value) SELECT 'signed_from', CAST(COALESCE(MAX(seq), 0) + 1 AS TEXT)\n"
    "  FROM event;\n",
    /* 4: plan revisions (R12.1): the committee's requirement of a selected application, with
     * its due date, and the secretariat's record that it was made; signed, append-only. A
     * revision not made is recorded as a forfeit (R11.7). */
    "CREATE TABLE plan_revision(id INTEGER PRIMARY KEY,\n"
    "  app_id TEXT NOT NULL REFERENCES application(id), made INTEGER NOT NULL CHECK (made IN "
    "(0,1)),\n"
    "  due TEXT NOT NULL, requirement TEXT NOT NULL,\n"
    "  person_id INTEGER NOT NULL REFERENCES person(id), at TEXT NOT NULL,\n"
    "  signed_text TEXT, signature TEXT) STRICT;\n" APPEND_ONLY("plan_revision"),
    /* 5: the agreement (3자 협약) of a selected application, one at most (R12.3), signed. */
    "CREATE TABLE agreement(app_id TEXT PRIMARY KEY REFERENCES application(id),\n"
    "  date TEXT NOT NULL, person_id INTEGER NOT NULL REFERENCES person(id), at TEXT NOT NULL,\n"
    "  signed_text TEXT, signature TEXT) STRICT;\n" APPEND_ONLY("agreement"),
    /* 6: verification checkpoints (simsa-records(5), "Checkpoints"): `simsa --as NAME verify`
     * records the head it verified through and digests of the signature bytes it checked, signed
     * by NAME. Not audit events: verifying moves neither the chain head nor its anchors. A
     * missing or changed row only makes verify check more (or name it). */
    "CREATE TABLE checkpoint(id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, hash BLOB NOT NULL,\n"
    "  event_signatures BLOB NOT NULL, records INTEGER NOT NULL,\n"
    "  record_signatures BLOB NOT NULL, person_id INTEGER NOT NULL REFERENCES person(id),\n"
    "  at TEXT NOT NULL, signed_text TEXT NOT NULL, signature TEXT NOT NULL) STRICT;\n" APPEND_ONLY(
        "checkpoint"),
};

#endif

-- duban team store, schema 3: closing what schema 2 left open (issue #22).
--
-- * History is append-only for every member. The trail of a requirement removed or
--   renumbered is moved aside into duban.history_replaced (never deleted) by functions of
--   the owner's, which office staff call: drop_history and write_history (rename_history
--   moves a renamed plan's trails to its new name). A re-attached
--   entry keeps its recorded login and time only when the same entry with that stamp is
--   already on record for the plan: a stamp cannot be made up.
-- * A liaison reads nothing of other units' rows: not the plans' headers (their archive and
--   snapshots hold every requirement) nor the workspace row, only a skeleton of each plan
--   (plan_skeletons: the categories and items that hold one of their requirements, named;
--   the others' names blanked); and NOTIFY goes to channels whose names only the server
--   knows (my_channels): the office's with everything, one per unit with that unit's
--   requirement changes, one for all liaisons saying only that a plan changed.
-- * A liaison may record a 报送 (a unit's delivery): appending to `reports`.

-- Trails taken out of duban.history, with who took them and when.
CREATE TABLE duban.history_replaced (
    seq bigint NOT NULL,
    plan text NOT NULL,
    req text NOT NULL,
    entry jsonb NOT NULL,
    actor text,
    login text NOT NULL,
    at timestamptz NOT NULL,
    replaced_by text NOT NULL DEFAULT session_user,
    replaced_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX history_replaced_plan ON duban.history_replaced (plan, login, at);

-- The secret that channel names derive from: nobody but the owner reads it.
CREATE TABLE duban.channel_secret (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    secret text NOT NULL
);
INSERT INTO duban.channel_secret (secret)
    VALUES (md5(random()::text || clock_timestamp()::text || random()::text));

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['history_replaced', 'channel_secret'] LOOP
        EXECUTE format('ALTER TABLE duban.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE duban.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY owner ON duban.%I TO %I USING (true) WITH CHECK (true)',
                       t, current_user);
    END LOOP;
    EXECUTE format('CREATE POLICY reader ON duban.history_replaced FOR SELECT TO %I, %I '
                   'USING (true)', duban.role_name('staff'), duban.role_name('leader'));
    EXECUTE format('GRANT SELECT ON duban.history_replaced TO %I, %I',
                   duban.role_name('staff'), duban.role_name('leader'));

    -- Staff: no more DELETE on history (the functions below move trails aside).
    EXECUTE format('REVOKE DELETE, UPDATE, TRUNCATE ON duban.history FROM %I',
                   duban.role_name('staff'));

    -- Liaisons: neither the plans' headers nor the workspace row.
    EXECUTE format('REVOKE ALL ON duban.plans, duban.workspace FROM %I',
                   duban.role_name('liaison'));
    FOREACH t IN ARRAY ARRAY['workspace', 'plans'] LOOP
        EXECUTE format('DROP POLICY reader ON duban.%I', t);
        EXECUTE format('CREATE POLICY reader ON duban.%I FOR SELECT TO %I USING (true)',
                       t, duban.role_name('leader'));
    END LOOP;
END
$$;

-- The trail of requirement `r` of plan `p`, moved aside: only once its row is gone.
CREATE FUNCTION duban.drop_history(p text, r text) RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM duban.requirements q WHERE q.plan = p AND q.id = r) THEN
        RAISE EXCEPTION 'the history of %:% stays while the requirement is there', p, r
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    WITH gone AS (DELETE FROM duban.history h WHERE h.plan = p AND h.req = r RETURNING h.*)
    INSERT INTO duban.history_replaced (seq, plan, req, entry, actor, login, at)
        SELECT seq, plan, req, entry, actor, login, at FROM gone;
END
$$;

-- A renamed plan's trails follow it: only once the plan row carries the new name and no
-- row, live or removed, the old one.
CREATE FUNCTION duban.rename_history(old text, new text) RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM duban.plans q WHERE q.name = old AND NOT q.removed)
        OR NOT EXISTS (SELECT 1 FROM duban.plans q WHERE q.name = new AND NOT q.removed) THEN
        RAISE EXCEPTION 'plan % is not renamed to %', old, new
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE duban.history h SET plan = new WHERE h.plan = old;
    UPDATE duban.history_replaced h SET plan = new WHERE h.plan = old;
END
$$;

-- Append `entries` (a JSON array of {entry, actor, login, at}) to the trail of `p`:`r`,
-- after moving its trail aside when `replace`. An entry with a login and time keeps them
-- only when that entry is on record for the plan with that stamp (the owner copying a
-- workspace in keeps the file's); one without is the caller's, now.
CREATE FUNCTION duban.write_history(p text, r text, entries jsonb, replace boolean)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    e jsonb;
    who text;
    stamp timestamptz;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM duban.requirements q WHERE q.plan = p AND q.id = r) THEN
        RAISE EXCEPTION 'no requirement %:% to write the history of', p, r
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF replace THEN
        WITH gone AS (DELETE FROM duban.history h WHERE h.plan = p AND h.req = r
                      RETURNING h.*)
        INSERT INTO duban.history_replaced (seq, plan, req, entry, actor, login, at)
            SELECT seq, plan, req, entry, actor, login, at FROM gone;
    END IF;
    FOR e IN SELECT value FROM jsonb_array_elements(entries) LOOP
        who := e ->> 'login';
        stamp := (e ->> 'at')::timestamptz;
        IF who IS NULL OR stamp IS NULL THEN
            who := session_user;
            stamp := now();
        ELSIF duban.my_role() IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM duban.history h WHERE h.plan = p AND h.login = who
                AND h.at = stamp AND h.entry = e -> 'entry'
            UNION ALL
            SELECT 1 FROM duban.history_replaced h WHERE h.plan = p AND h.login = who
                AND h.at = stamp AND h.entry = e -> 'entry') THEN
            RAISE EXCEPTION 'history of %:%: no entry by % at % on record', p, r, who, stamp
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        INSERT INTO duban.history (plan, req, entry, actor, login, at)
            VALUES (p, r, e -> 'entry', e ->> 'actor', who, stamp);
    END LOOP;
END
$$;

-- A member's own inserts are stamped by the server; those of the owner's functions above
-- (and of the owner's `store push`) keep what they give.
CREATE OR REPLACE FUNCTION duban.history_stamp() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog AS $$
BEGIN
    IF duban.my_role() IS NOT NULL AND current_user <> (
        SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
        WHERE c.oid = 'duban.history'::regclass) THEN
        NEW.login := session_user;
        NEW.at := now();
    END IF;
    RETURN NEW;
END
$$;

-- What of the plans a liaison may read: each plan in the workspace with its meta fields
-- and its tree of categories and items, named where they hold one of the liaison's
-- requirements and blank otherwise (the positions stay: ids are positions); no
-- requirements, snapshots or archive.
CREATE FUNCTION duban.plan_skeletons()
    RETURNS TABLE (name text, "position" integer, version bigint, header jsonb)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    WITH mine AS (
        SELECT q.plan, split_part(q.id, '.', 1)::int AS c, split_part(q.id, '.', 2)::int AS i
        FROM duban.requirements q WHERE q.units && duban.my_units()
    )
    SELECT p.name, p.position, p.version, jsonb_build_object(
        'name', p.name,
        'plan', (p.header -> 'plan') - 'categories' || jsonb_build_object('categories',
            coalesce((SELECT jsonb_agg(jsonb_build_object(
                'number', cat -> 'number',
                'name', CASE WHEN EXISTS (SELECT 1 FROM mine m WHERE m.plan = p.name
                             AND m.c = (cat ->> 'number')::int) THEN cat -> 'name'
                        ELSE to_jsonb(''::text) END,
                'items', coalesce((SELECT jsonb_agg(jsonb_build_object(
                    'name', CASE WHEN EXISTS (SELECT 1 FROM mine m WHERE m.plan = p.name
                                 AND m.c = (cat ->> 'number')::int AND m.i = it.n)
                            THEN it.item -> 'name' ELSE to_jsonb(''::text) END,
                    'requirements', '[]'::jsonb) ORDER BY it.n)
                    FROM jsonb_array_elements(cat -> 'items') WITH ORDINALITY AS it(item, n)),
                    '[]'::jsonb)) ORDER BY cn)
             FROM jsonb_array_elements(p.header #> '{plan,categories}')
                 WITH ORDINALITY AS cs(cat, cn)), '[]'::jsonb)))
    FROM duban.plans p
    WHERE NOT p.removed AND duban.my_role() = 'liaison'
    ORDER BY p.position
$$;

-- Channel names: only the server knows them, and tells each login its own.
CREATE FUNCTION duban.channel(kind text) RETURNS text LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT 'duban_' || substr(md5(s.secret || ':' || kind), 1, 24) FROM duban.channel_secret s
$$;
REVOKE ALL ON FUNCTION duban.channel(text) FROM PUBLIC;

-- The channels the connected login hears: a liaison their units' and the liaisons' one,
-- anyone else the office's.
CREATE FUNCTION duban.my_channels() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog AS $$
    SELECT CASE WHEN duban.my_role() = 'liaison' THEN
        ARRAY[duban.channel('liaison')]
            || ARRAY(SELECT duban.channel('unit:' || u) FROM unnest(duban.my_units()) u)
    ELSE ARRAY[duban.channel('office')] END
$$;

-- Every change is announced at commit: everything on the office's channel; a requirement's
-- on each of its units' channels (before and after); a plan's, without who made it, on the
-- liaisons' channel. The workspace row is the office's alone.
CREATE OR REPLACE FUNCTION duban.announce() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    j jsonb;
    payload jsonb;
    units text[] := '{}';
    u text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        j := to_jsonb(OLD);
    ELSE
        j := to_jsonb(NEW);
    END IF;
    payload := jsonb_build_object(
        'table', TG_TABLE_NAME,
        'op', lower(TG_OP),
        'plan', coalesce(j -> 'plan', j -> 'name'),
        'id', j -> 'id',
        'version', j -> 'version',
        'by', j -> 'updated_by',
        'login', j -> 'login');
    PERFORM pg_notify(duban.channel('office'), payload::text);
    IF TG_TABLE_NAME = 'requirements' THEN
        IF TG_OP <> 'INSERT' THEN
            units := units || OLD.units;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            units := units || NEW.units;
        END IF;
        FOR u IN SELECT DISTINCT x FROM unnest(units) x LOOP
            PERFORM pg_notify(duban.channel('unit:' || u), payload::text);
        END LOOP;
    ELSIF TG_TABLE_NAME = 'plans' THEN
        PERFORM pg_notify(duban.channel('liaison'), jsonb_build_object(
            'table', 'plans', 'op', lower(TG_OP), 'plan', j -> 'name')::text);
    END IF;
    RETURN NULL;
END
$$;

-- A liaison may now also record a 报送: `reports` only grows.
CREATE OR REPLACE FUNCTION duban.liaison_check() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog AS $$
DECLARE
    mine constant text[] := ARRAY['status', 'status_changed', 'notes', 'evidence', 'review',
                                  'reports'];
    before text := coalesce(OLD.data ->> 'status', 'todo');
    after text := coalesce(NEW.data ->> 'status', 'todo');
    old_reports jsonb := coalesce(OLD.data -> 'reports', '[]');
    new_reports jsonb := coalesce(NEW.data -> 'reports', '[]');
BEGIN
    IF duban.my_role() IS DISTINCT FROM 'liaison' THEN
        RETURN NEW;
    END IF;
    IF NEW.plan <> OLD.plan OR NEW.id <> OLD.id OR NEW.position <> OLD.position
        OR NEW.units <> OLD.units OR (NEW.data - mine) <> (OLD.data - mine) THEN
        RAISE EXCEPTION 'a unit liaison may only add progress notes, evidence and reports, '
            'set doing or blocked, and claim completion (%:%)', OLD.plan, OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF jsonb_array_length(new_reports) < jsonb_array_length(old_reports)
        OR EXISTS (SELECT 1 FROM jsonb_array_elements(old_reports) WITH ORDINALITY o(v, n)
                   WHERE o.v IS DISTINCT FROM new_reports -> (o.n::int - 1)) THEN
        RAISE EXCEPTION 'a unit liaison may add reports of %:%, not change them', OLD.plan,
            OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF before <> after AND (before NOT IN ('todo', 'doing', 'blocked')
                            OR after NOT IN ('doing', 'blocked', 'review')) THEN
        RAISE EXCEPTION 'a unit liaison may not change %:% from % to %', OLD.plan, OLD.id,
            before, after USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.data -> 'review') IS DISTINCT FROM (OLD.data -> 'review') AND after <> 'review' THEN
        RAISE EXCEPTION 'a unit liaison may not decide the completion claim of %:%', OLD.plan,
            OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['duban.drop_history(text, text)',
                             'duban.rename_history(text, text)',
                             'duban.write_history(text, text, jsonb, boolean)',
                             'duban.plan_skeletons()', 'duban.my_channels()'] LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
    EXECUTE format('GRANT EXECUTE ON FUNCTION duban.drop_history(text, text), '
                   'duban.rename_history(text, text), '
                   'duban.write_history(text, text, jsonb, boolean) TO %I',
                   duban.role_name('staff'));
    EXECUTE format('GRANT EXECUTE ON FUNCTION duban.plan_skeletons() TO %I',
                   duban.role_name('liaison'));
    EXECUTE format('GRANT EXECUTE ON FUNCTION duban.my_channels() TO %I, %I, %I',
                   duban.role_name('staff'), duban.role_name('liaison'),
                   duban.role_name('leader'));
END
$$;

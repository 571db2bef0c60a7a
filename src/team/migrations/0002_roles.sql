-- duban team store, schema 2: who may do what (issue #22), enforced by the server.
--
-- Three group roles per database (role names are cluster-global, so each database gets its
-- own, named duban_<id>_staff|liaison|leader with <id> kept in duban.meta): office staff
-- (督查室) do everything; unit liaisons (联络员) read their units' requirements and report on
-- them; leaders (领导) read everything. `duban store grant` makes logins members of one.
-- Grants say which statements each may run, row-level security which rows, and a trigger
-- which changes a liaison may make. History is append-only for all of them, and its login
-- and time are the server's.

-- This database's id in its group roles' names.
CREATE TABLE duban.role_prefix (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    prefix text NOT NULL
);
INSERT INTO duban.role_prefix (prefix)
    VALUES ('duban_' || substr(md5(random()::text || clock_timestamp()::text), 1, 10));

-- The group role of a kind (`staff`, `liaison`, `leader`) in this database.
CREATE FUNCTION duban.role_name(kind text) RETURNS name LANGUAGE sql STABLE
    SET search_path = pg_catalog AS $$
    SELECT (p.prefix || '_' || kind)::name FROM duban.role_prefix p
$$;

-- Who may connect, as what, for which units (normalised names, as duban matches units).
CREATE TABLE duban.members (
    login text PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('staff', 'liaison', 'leader')),
    units text[] NOT NULL DEFAULT '{}',
    granted_by text NOT NULL DEFAULT session_user,
    granted_at timestamptz NOT NULL DEFAULT now(),
    CHECK (role = 'liaison' OR units = '{}'),
    CHECK (role <> 'liaison' OR units <> '{}')
);

-- The units of the connected liaison; empty for anyone else.
CREATE FUNCTION duban.my_units() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog AS $$
    SELECT coalesce(
        (SELECT m.units FROM duban.members m WHERE m.login = session_user AND m.role = 'liaison'),
        '{}')
$$;

-- The connected login's role in this store, or NULL (the owner, a superuser, a stranger).
CREATE FUNCTION duban.my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog AS $$
    SELECT m.role FROM duban.members m WHERE m.login = session_user
$$;

DO $$
DECLARE
    kind text;
    r name;
BEGIN
    FOREACH kind IN ARRAY ARRAY['staff', 'liaison', 'leader'] LOOP
        r := duban.role_name(kind);
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), r);
        EXECUTE format('GRANT USAGE ON SCHEMA duban TO %I', r);
        EXECUTE format('GRANT EXECUTE ON FUNCTION duban.my_units(), duban.my_role(), '
                       'duban.role_name(text) TO %I', r);
        EXECUTE format('GRANT SELECT ON duban.meta, duban.role_prefix TO %I', r);
    END LOOP;

    -- Office staff: every row of every table; history append-only except for the trail of
    -- a requirement removed or renumbered, which a save deletes with it.
    r := duban.role_name('staff');
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON duban.workspace, duban.plans, '
                   'duban.requirements TO %I', r);
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON duban.history TO %I', r);
    EXECUTE format('GRANT SELECT ON duban.members TO %I', r);
    EXECUTE format('GRANT USAGE ON SEQUENCE duban.history_seq_seq TO %I', r);

    -- Leaders: read everything.
    r := duban.role_name('leader');
    EXECUTE format('GRANT SELECT ON duban.workspace, duban.plans, duban.requirements, '
                   'duban.history, duban.members TO %I', r);

    -- Liaisons: the workspace and the plans' skeletons; their units' requirements, which
    -- they may update (the trigger below says how); history entries on those, appended.
    r := duban.role_name('liaison');
    EXECUTE format('GRANT SELECT ON duban.workspace, duban.plans, duban.members TO %I', r);
    EXECUTE format('GRANT SELECT, UPDATE ON duban.requirements TO %I', r);
    EXECUTE format('GRANT SELECT, INSERT ON duban.history TO %I', r);
    EXECUTE format('GRANT USAGE ON SEQUENCE duban.history_seq_seq TO %I', r);

    -- Row-level security on every table, forced so that the owner goes through policies
    -- too (its own: everything).
    FOREACH kind IN ARRAY ARRAY['meta', 'role_prefix', 'workspace', 'plans', 'requirements',
                                'history', 'members'] LOOP
        EXECUTE format('ALTER TABLE duban.%I ENABLE ROW LEVEL SECURITY', kind);
        EXECUTE format('ALTER TABLE duban.%I FORCE ROW LEVEL SECURITY', kind);
        EXECUTE format('CREATE POLICY owner ON duban.%I TO %I USING (true) WITH CHECK (true)',
                       kind, current_user);
        EXECUTE format('CREATE POLICY staff ON duban.%I TO %I USING (true) WITH CHECK (true)',
                       kind, duban.role_name('staff'));
    END LOOP;
    FOREACH kind IN ARRAY ARRAY['meta', 'role_prefix', 'workspace', 'plans'] LOOP
        EXECUTE format('CREATE POLICY reader ON duban.%I FOR SELECT TO %I, %I USING (true)',
                       kind, duban.role_name('leader'), duban.role_name('liaison'));
    END LOOP;
    FOREACH kind IN ARRAY ARRAY['requirements', 'history', 'members'] LOOP
        EXECUTE format('CREATE POLICY leader ON duban.%I FOR SELECT TO %I USING (true)',
                       kind, duban.role_name('leader'));
    END LOOP;

    r := duban.role_name('liaison');
    EXECUTE format('CREATE POLICY liaison_read ON duban.requirements FOR SELECT TO %I '
                   'USING (units && duban.my_units())', r);
    EXECUTE format('CREATE POLICY liaison_update ON duban.requirements FOR UPDATE TO %I '
                   'USING (units && duban.my_units()) WITH CHECK (units && duban.my_units())', r);
    EXECUTE format('CREATE POLICY liaison_read ON duban.history FOR SELECT TO %I '
                   'USING (EXISTS (SELECT 1 FROM duban.requirements q '
                   'WHERE q.plan = history.plan AND q.id = history.req))', r);
    EXECUTE format('CREATE POLICY liaison_append ON duban.history FOR INSERT TO %I '
                   'WITH CHECK (login = session_user AND EXISTS (SELECT 1 FROM '
                   'duban.requirements q WHERE q.plan = history.plan AND q.id = history.req))', r);
    EXECUTE format('CREATE POLICY liaison_self ON duban.members FOR SELECT TO %I '
                   'USING (login = session_user)', r);
END
$$;

-- The changes a liaison may make to a requirement: progress notes, evidence, status doing
-- or blocked, a completion claim (→ review). Not approving, rejecting, extending, nor the
-- text, units, deadline or anything else the office owns.
CREATE FUNCTION duban.liaison_check() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog AS $$
DECLARE
    mine constant text[] := ARRAY['status', 'status_changed', 'notes', 'evidence', 'review'];
    before text := coalesce(OLD.data ->> 'status', 'todo');
    after text := coalesce(NEW.data ->> 'status', 'todo');
BEGIN
    IF duban.my_role() IS DISTINCT FROM 'liaison' THEN
        RETURN NEW;
    END IF;
    IF NEW.plan <> OLD.plan OR NEW.id <> OLD.id OR NEW.position <> OLD.position
        OR NEW.units <> OLD.units OR (NEW.data - mine) <> (OLD.data - mine) THEN
        RAISE EXCEPTION 'a unit liaison may only add progress notes and evidence, set doing '
            'or blocked, and claim completion (%:%)', OLD.plan, OLD.id
            USING ERRCODE = 'insufficient_privilege';
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
CREATE TRIGGER liaison_check BEFORE UPDATE ON duban.requirements
    FOR EACH ROW EXECUTE FUNCTION duban.liaison_check();

-- A history entry's login and time are the server's for every member (the owner copying a
-- workspace in with `store push`, or a renumbering save, keeps those recorded).
CREATE FUNCTION duban.history_stamp() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog AS $$
BEGIN
    IF duban.my_role() IS NOT NULL THEN
        NEW.login := session_user;
        NEW.at := now();
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER stamp BEFORE INSERT ON duban.history
    FOR EACH ROW EXECUTE FUNCTION duban.history_stamp();

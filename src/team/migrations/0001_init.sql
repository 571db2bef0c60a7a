-- duban team store, schema 1: the workspace, its plans, their requirements, the history.
-- Every object lives in schema `duban`. Applied by `duban store init` in one transaction.

CREATE SCHEMA IF NOT EXISTS duban;

-- The schema version this database holds (one row).
CREATE TABLE duban.meta (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    schema_version integer NOT NULL
);

-- Workspace-level fields (the 督办通知单 numbers, the last merge notice): one row.
CREATE TABLE duban.workspace (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    data jsonb NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    updated_by text,
    login text NOT NULL DEFAULT session_user,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per plan. `header` is the plan without its requirements' bodies (the categories
-- and items in order), with its snapshots and archive; a removed plan (`removed`) keeps
-- everything in `header`, requirements included.
CREATE TABLE duban.plans (
    name text NOT NULL,
    removed boolean NOT NULL DEFAULT false,
    position integer NOT NULL,
    header jsonb NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    updated_by text,
    login text NOT NULL DEFAULT session_user,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, removed)
);

-- One row per requirement of a plan in the workspace. `data` is the requirement without
-- its history; `units` the normalised names of its lead and cooperating units.
CREATE TABLE duban.requirements (
    plan text NOT NULL,
    id text NOT NULL,
    position integer NOT NULL,
    data jsonb NOT NULL,
    units text[] NOT NULL DEFAULT '{}',
    status text GENERATED ALWAYS AS (data ->> 'status') STORED,
    version bigint NOT NULL DEFAULT 1,
    updated_by text,
    login text NOT NULL DEFAULT session_user,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan, id)
);
CREATE INDEX requirements_units ON duban.requirements USING gin (units);

-- Requirements' change history, append-only; re-attached to them on load, in `seq` order.
CREATE TABLE duban.history (
    seq bigserial PRIMARY KEY,
    plan text NOT NULL,
    req text NOT NULL,
    entry jsonb NOT NULL,
    actor text,
    login text NOT NULL DEFAULT session_user,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX history_requirement ON duban.history (plan, req, seq);

-- Who changed a row, and when, is the database's word, not the client's.
CREATE FUNCTION duban.stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.login := session_user;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

-- Every change is announced on channel `duban` at commit, for live dashboards.
CREATE FUNCTION duban.announce() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    j jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        j := to_jsonb(OLD);
    ELSE
        j := to_jsonb(NEW);
    END IF;
    PERFORM pg_notify('duban', jsonb_build_object(
        'table', TG_TABLE_NAME,
        'op', lower(TG_OP),
        'plan', coalesce(j -> 'plan', j -> 'name'),
        'id', j -> 'id',
        'version', j -> 'version',
        'by', j -> 'updated_by',
        'login', j -> 'login'
    )::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON duban.workspace
    FOR EACH ROW EXECUTE FUNCTION duban.stamp();
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON duban.plans
    FOR EACH ROW EXECUTE FUNCTION duban.stamp();
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON duban.requirements
    FOR EACH ROW EXECUTE FUNCTION duban.stamp();
CREATE TRIGGER announce AFTER INSERT OR UPDATE OR DELETE ON duban.workspace
    FOR EACH ROW EXECUTE FUNCTION duban.announce();
CREATE TRIGGER announce AFTER INSERT OR UPDATE OR DELETE ON duban.plans
    FOR EACH ROW EXECUTE FUNCTION duban.announce();
CREATE TRIGGER announce AFTER INSERT OR UPDATE OR DELETE ON duban.requirements
    FOR EACH ROW EXECUTE FUNCTION duban.announce();

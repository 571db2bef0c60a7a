//! Where the team store is: a libpq connection string (URL or `key=value` form), completed
//! from the usual PG environment the way psql does, shown only with the password redacted.

use std::fmt::Write as _;
use std::str::FromStr;
use std::time::Duration;

use postgres::config::{Host, SslMode};
use postgres::{Client, Config};

use super::TeamError;

/// The socket directory Debian's PostgreSQL listens in: libpq's default host there.
pub const DEFAULT_SOCKET_DIR: &str = "/var/run/postgresql";

/// How long a connection attempt may take before it is reported as failed.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// How strictly a TLS connection checks the server's certificate (libpq's `sslmode`
/// beyond what the client library parses: `verify-ca` and `verify-full` verify).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verify {
    /// `prefer`/`require`: encrypted, the certificate not checked (as libpq does).
    None,
    /// `verify-ca`: the chain is checked, not the host name.
    Chain,
    /// `verify-full`: the chain and the host name.
    Full,
}

/// A parsed, completed connection string. Never prints its password.
#[derive(Clone)]
pub struct Conninfo {
    config: Config,
    verify: Verify,
}

impl std::fmt::Debug for Conninfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// Reads one variable of the PG environment; tests pass their own.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The process environment, empty values counting as unset (as libpq does).
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl Conninfo {
    /// Parse `text` and fill what it leaves out from PGHOST, PGPORT, PGUSER, PGPASSWORD,
    /// PGDATABASE, PGSSLMODE, then libpq's defaults (the socket directory, the login name,
    /// a database named as the user).
    pub fn parse(text: &str, env: Env) -> Result<Conninfo, TeamError> {
        let (text, mut verify) = strip_verify(text);
        let mut config = Config::from_str(&text).map_err(|e| TeamError::Conninfo {
            problem: e.to_string(),
        })?;
        if config.get_hosts().is_empty() {
            let hosts = env("PGHOST").unwrap_or_else(|| DEFAULT_SOCKET_DIR.into());
            for host in hosts.split(',') {
                config.host(host);
            }
        }
        if config.get_ports().is_empty()
            && let Some(port) = env("PGPORT")
        {
            let port = port.trim().parse().map_err(|_| TeamError::Conninfo {
                problem: format!("PGPORT must be a port number, not {port:?}"),
            })?;
            config.port(port);
        }
        if config.get_user().is_none() {
            let user = env("PGUSER")
                .or_else(|| env("USER"))
                .or_else(|| env("LOGNAME"))
                .or_else(|| whoami::username().ok())
                .ok_or_else(|| TeamError::Conninfo {
                    problem: "no user: give user= in the connection string or set PGUSER".into(),
                })?;
            config.user(&user);
        }
        if config.get_password().is_none()
            && let Some(password) = env("PGPASSWORD")
        {
            config.password(password);
        }
        if config.get_dbname().is_none() {
            let db = env("PGDATABASE").unwrap_or_else(|| config.get_user().unwrap_or("").into());
            config.dbname(&db);
        }
        if !text.contains("sslmode")
            && let Some(mode) = env("PGSSLMODE")
        {
            let (mode, v) = ssl_mode(&mode)?;
            config.ssl_mode(mode);
            verify = v;
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        // A network that drops packets without a reset would leave a save waiting for the
        // kernel's TCP timeout (minutes): notice a dead peer within about 15 s instead,
        // unless the connection string chooses for itself.
        if !text.contains("keepalives") {
            config
                .keepalives_idle(Duration::from_secs(5))
                .keepalives_interval(Duration::from_secs(2))
                .keepalives_retries(3);
        }
        if !text.contains("tcp_user_timeout") {
            config.tcp_user_timeout(Duration::from_secs(15));
        }
        config.application_name("duban");
        Ok(Conninfo { config, verify })
    }

    /// The first host, for messages: a socket directory or a host name.
    pub fn host(&self) -> String {
        match self.config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            Some(Host::Unix(p)) => p.display().to_string(),
            None => DEFAULT_SOCKET_DIR.into(),
        }
    }

    pub fn dbname(&self) -> &str {
        self.config.get_dbname().unwrap_or("")
    }

    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or("")
    }

    /// The same connection with another database (tests make a throwaway one).
    #[must_use]
    pub fn with_dbname(&self, dbname: &str) -> Conninfo {
        let mut other = self.clone();
        other.config.dbname(dbname);
        other
    }

    /// The connection string in `key=value` form, the password shown as `***`.
    pub fn redacted(&self) -> String {
        let c = &self.config;
        let hosts: Vec<String> = c
            .get_hosts()
            .iter()
            .map(|h| match h {
                Host::Tcp(h) => h.clone(),
                Host::Unix(p) => p.display().to_string(),
            })
            .collect();
        let mut out = format!("host={}", quote(&hosts.join(",")));
        if !c.get_ports().is_empty() {
            let ports: Vec<String> = c.get_ports().iter().map(ToString::to_string).collect();
            let _ = write!(out, " port={}", ports.join(","));
        }
        let _ = write!(
            out,
            " user={} dbname={}",
            quote(self.user()),
            quote(self.dbname())
        );
        if c.get_password().is_some() {
            out.push_str(" password=***");
        }
        let mode = match (c.get_ssl_mode(), self.verify) {
            (_, Verify::Full) => "verify-full",
            (_, Verify::Chain) => "verify-ca",
            (SslMode::Disable, _) => "disable",
            (SslMode::Require, _) => "require",
            _ => "prefer",
        };
        let _ = write!(out, " sslmode={mode}");
        out
    }

    /// Connect, with TLS where `sslmode` asks for it (never over a Unix socket).
    pub fn connect(&self) -> Result<Client, TeamError> {
        let fail = |e: &dyn std::fmt::Display| TeamError::Connect {
            host: self.host(),
            conninfo: self.redacted(),
            problem: e.to_string(),
        };
        let result = if self.config.get_ssl_mode() == SslMode::Disable {
            self.config.connect(postgres::NoTls)
        } else {
            let mut builder = native_tls::TlsConnector::builder();
            builder
                .danger_accept_invalid_certs(self.verify == Verify::None)
                .danger_accept_invalid_hostnames(self.verify != Verify::Full);
            let tls = builder.build().map_err(|e| fail(&e))?;
            self.config
                .connect(postgres_native_tls::MakeTlsConnector::new(tls))
        };
        result.map_err(|e| fail(&describe(&e)))
    }
}

/// The whole chain of a client error in one line (`error connecting to server: …`).
pub fn describe(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_string();
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let more = s.to_string();
        if !text.contains(&more) {
            let _ = write!(text, ": {more}");
        }
        source = s.source();
    }
    text
}

/// libpq's `verify-ca`/`verify-full`, which the client library does not parse: read here
/// and passed on as `require` plus the verification they ask for.
fn strip_verify(text: &str) -> (String, Verify) {
    for (word, verify) in [("verify-full", Verify::Full), ("verify-ca", Verify::Chain)] {
        let needle = format!("sslmode={word}");
        if text.contains(&needle) {
            return (text.replace(&needle, "sslmode=require"), verify);
        }
    }
    (text.to_string(), Verify::None)
}

fn ssl_mode(mode: &str) -> Result<(SslMode, Verify), TeamError> {
    Ok(match mode.trim() {
        "disable" => (SslMode::Disable, Verify::None),
        "allow" | "prefer" => (SslMode::Prefer, Verify::None),
        "require" => (SslMode::Require, Verify::None),
        "verify-ca" => (SslMode::Require, Verify::Chain),
        "verify-full" => (SslMode::Require, Verify::Full),
        other => {
            return Err(TeamError::Conninfo {
                problem: format!(
                    "PGSSLMODE must be disable, allow, prefer, require, verify-ca or \
                     verify-full, not {other:?}"
                ),
            });
        }
    })
}

/// A value as libpq's `key=value` form writes it: quoted when it holds spaces or quotes.
fn quote(value: &str) -> String {
    if !value.is_empty() && !value.contains([' ', '\'', '\\']) {
        return value.to_string();
    }
    format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_string())
        }
    }

    #[test]
    fn fills_from_the_environment_as_psql_does() {
        let env = env_of(&[
            ("PGHOST", "db.example"),
            ("PGPORT", "6543"),
            ("PGUSER", "zhang"),
            ("PGPASSWORD", "s3cret"),
            ("PGSSLMODE", "verify-full"),
        ]);
        let c = Conninfo::parse("dbname=duban", &env).expect("parses");
        let shown = c.redacted();
        assert_eq!(
            shown,
            "host=db.example port=6543 user=zhang dbname=duban password=*** sslmode=verify-full"
        );
        assert!(!format!("{c:?}").contains("s3cret"));
    }

    #[test]
    fn a_dead_peer_is_noticed_within_seconds_unless_the_string_says_otherwise() {
        let env = env_of(&[("USER", "li")]);
        let c = Conninfo::parse("host=h1 dbname=d", &env).expect("parses");
        assert_eq!(
            c.config.get_tcp_user_timeout(),
            Some(&Duration::from_secs(15))
        );
        assert_eq!(c.config.get_keepalives_idle(), Duration::from_secs(5));
        let c =
            Conninfo::parse("host=h1 keepalives_idle=60 tcp_user_timeout=0", &env).expect("parses");
        assert_eq!(c.config.get_keepalives_idle(), Duration::from_secs(60));
        // 0 is the system's default, as in libpq: the string's choice, not ours.
        assert_eq!(c.config.get_tcp_user_timeout(), None);
    }

    #[test]
    fn the_string_wins_over_the_environment_and_defaults_apply() {
        let env = env_of(&[("PGHOST", "elsewhere"), ("USER", "li")]);
        let c = Conninfo::parse("postgres://wang:pw%40x@h1:5433/plans?sslmode=disable", &env)
            .expect("parses");
        assert_eq!(
            c.redacted(),
            "host=h1 port=5433 user=wang dbname=plans password=*** sslmode=disable"
        );
        let c = Conninfo::parse("", &env).expect("parses");
        assert_eq!(c.host(), "elsewhere");
        let c = Conninfo::parse("", &env_of(&[("USER", "li")])).expect("parses");
        assert_eq!(
            c.redacted(),
            "host=/var/run/postgresql user=li dbname=li sslmode=prefer"
        );
    }

    #[test]
    fn bad_strings_are_named_without_the_password() {
        let env = env_of(&[("USER", "li")]);
        let e = Conninfo::parse("password=hunter2 port=notaport", &env).expect_err("refused");
        assert!(!e.to_string().contains("hunter2"), "{e}");
        let e = Conninfo::parse("", &env_of(&[("USER", "li"), ("PGSSLMODE", "maybe")]))
            .expect_err("refused");
        assert!(e.to_string().contains("PGSSLMODE"), "{e}");
    }
}

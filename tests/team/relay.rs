//! A TCP relay in front of the local server's port, which a test cuts (every connection
//! through it closed, new ones closed as soon as they arrive) and restores: the server
//! going away for the dashboards behind it, without stopping the cluster other tests use.

use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use super::support::{Db, succeed};

pub const PASSWORD: &str = "relay-pw";

pub struct Relay {
    pub port: u16,
    shared: Arc<Shared>,
}

struct Shared {
    /// Whether connections pass; guarded with the open ones so a cut misses none.
    open: Mutex<(bool, Vec<TcpStream>)>,
    stop: AtomicBool,
}

impl Relay {
    /// Relay to the server's TCP port on localhost (`PGPORT`, else 5432).
    pub fn start() -> Relay {
        let upstream: u16 = std::env::var("PGPORT")
            .ok()
            .and_then(|p| p.parse().ok())
            .unwrap_or(5432);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let shared = Arc::new(Shared {
            open: Mutex::new((true, Vec::new())),
            stop: AtomicBool::new(false),
        });
        let s = Arc::clone(&shared);
        thread::spawn(move || {
            for conn in listener.incoming() {
                if s.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = conn else { continue };
                let mut open = s.open.lock().unwrap_or_else(PoisonError::into_inner);
                if !open.0 {
                    continue; // Cut: closed at once, as by a server that is gone.
                }
                let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)) else {
                    continue;
                };
                let (Ok(c2), Ok(s2), Ok(c3), Ok(s3)) = (
                    client.try_clone(),
                    server.try_clone(),
                    client.try_clone(),
                    server.try_clone(),
                ) else {
                    continue;
                };
                open.1.extend([c3, s3]);
                pipe(client, s2);
                pipe(server, c2);
            }
        });
        Relay { port, shared }
    }

    /// The server goes away: every connection through the relay ends, new ones too.
    pub fn cut(&self) {
        let mut open = self
            .shared
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        open.0 = false;
        for s in open.1.drain(..) {
            let _ = s.shutdown(Shutdown::Both);
        }
    }

    /// The server is back.
    pub fn restore(&self) {
        self.shared
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .0 = true;
    }

    /// `--store` through the relay as the staff login [`staff`] made.
    pub fn store_arg(&self, db: &Db) -> String {
        format!(
            "host=127.0.0.1 port={} dbname={} user={} password={PASSWORD} sslmode=disable",
            self.port,
            db.name,
            staff_login(db)
        )
    }

    /// A store through the relay, acting as `user`, its outbox in the test's folder.
    pub fn store(&self, db: &Db, user: &str) -> duban::team::TeamStore {
        let conninfo =
            duban::team::Conninfo::parse(&self.store_arg(db), &|_| None).expect("conninfo");
        let store = duban::team::TeamStore::connect(conninfo, Some(user.into())).expect("connect");
        store.set_outbox_dir(db.file("config"));
        store
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        self.cut();
        // Wake the accepting thread so that it sees the stop.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    thread::spawn(move || {
        let _ = std::io::copy(&mut from, &mut to);
        let _ = to.shutdown(Shutdown::Both);
        let _ = from.shutdown(Shutdown::Both);
    });
}

pub fn staff_login(db: &Db) -> String {
    format!("{}_staff", db.name)
}

/// The store made, the built-in plan in it, and a staff login with a password (TCP on
/// localhost asks for one, as Debian's `pg_hba.conf` has it).
pub fn staffed(db: &Db) {
    db.initialised();
    db.ok(&["note", "1.1.1", "起点"]);
    std::fs::write(db.file("pw"), format!("{PASSWORD}\n")).expect("write");
    let pw = db.file("pw");
    succeed(
        db.cmd()
            .args([
                "store",
                "grant",
                "--login",
                &staff_login(db),
                "--role",
                "staff",
            ])
            .arg("--password-file")
            .arg(pw),
    );
}

//! The server itself stopped (`pg_ctl stop -m fast`, as an administrator would) and started
//! again under an open dashboard, on a throwaway server of the test's own: the dashboard
//! says so, an edit made meanwhile waits in the outbox, and it lands once the server is
//! back. (The relay tests cut the network instead, on the shared cluster.)

use duban::app::{Action, App};
use duban::i18n::Lang;
use duban::team::TeamStore;
use duban::team::conninfo::{Conninfo, process_env};

use super::outage::{note, now, until};
use super::server::Server;
use super::support::{bare, succeed};

#[test]
fn the_server_stopped_and_started_again_under_an_open_dashboard() {
    let server = match Server::start(false) {
        Ok(s) => s,
        Err(e) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI=true but no server of the test's own: {e}"
            );
            eprintln!("skipping the restart test: cannot start a server of its own ({e})");
            return;
        }
    };
    let conn = server.conninfo("");
    succeed(bare().args(["--store", &conn, "store", "init"]));
    succeed(bare().args(["--store", &conn, "note", "1.1.1", "起点"]));

    let outbox = tempfile::tempdir().expect("tempdir");
    let conninfo = Conninfo::parse(&conn, &process_env).expect("conninfo");
    let store = TeamStore::connect(conninfo, Some("张三".into())).expect("connects");
    store.set_outbox_dir(outbox.path().to_path_buf());
    let state = store.load().expect("loads").expect("workspace");
    let mut app = App::new(state, Box::new(store), now().date()).with_lang(Lang::En);
    app.update(Action::Start, now());
    assert_eq!(app.link_banner(), None);

    server.stop().expect("the server stops");
    until(&mut app, "told the server went away", |a| {
        a.link_banner().as_deref() == Some("disconnected")
    });
    note(&mut app, "停机期间的备注");
    assert_eq!(
        app.link_banner().as_deref(),
        Some("disconnected · 1 to sync")
    );

    server.resume().expect("the server starts again");
    until(&mut app, "reconnected and sent", |a| {
        a.link_banner().is_none()
    });
    let message = app.message().expect("said");
    assert!(message.text.contains("1 edit(s) sent"), "{}", message.text);
    let out = succeed(bare().args(["--store", &conn, "show", "1.1.1", "--json"]));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("停机期间的备注") && shown.contains("起点"),
        "{shown}"
    );
}

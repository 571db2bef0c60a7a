//! Opening a file with the system's default program (an evidence file from the dashboard).
//! Behind a trait so tests record what would be opened instead of launching anything.

use std::io;
use std::path::Path;
use std::process::{Command, Stdio};

/// Opens a file with whatever the desktop associates with it.
pub trait Opener {
    fn open(&mut self, path: &Path) -> io::Result<()>;
}

/// The program and arguments that open `path` on this platform. Arguments are passed as
/// such, never through a shell: a file name with spaces, quotes or `&` stays one argument.
/// (`cmd /C start` would reparse the name as a command line, so Windows uses the URL
/// handler instead.)
pub fn command_for(path: &Path) -> Command {
    let mut cmd = if cfg!(target_os = "macos") {
        Command::new("open")
    } else if cfg!(windows) {
        let mut c = Command::new("rundll32");
        c.arg("url.dll,FileProtocolHandler");
        c
    } else {
        Command::new("xdg-open")
    };
    cmd.arg(path);
    cmd
}

/// The real opener: starts the platform's program detached from the terminal (its output
/// would draw over the dashboard) and does not wait for it.
#[derive(Debug, Clone, Copy, Default)]
pub struct System;

impl Opener for System {
    fn open(&mut self, path: &Path) -> io::Result<()> {
        if !path.exists() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{} not found", path.display()),
            ));
        }
        let mut child = command_for(path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        // xdg-open and open return at once; reap them on a thread so no zombie is left.
        std::thread::spawn(move || child.wait());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_is_one_argument_never_a_shell_string() {
        let path = Path::new("/tmp/验收 报告 & \"终稿\".pdf");
        let cmd = command_for(path);
        let args: Vec<_> = cmd.get_args().collect();
        assert_eq!(args.last().copied(), Some(path.as_os_str()));
        assert_ne!(cmd.get_program(), "sh");
        assert_ne!(cmd.get_program(), "cmd");
    }

    #[test]
    fn a_missing_file_is_an_error_not_a_launch() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = System
            .open(&dir.path().join("不存在.pdf"))
            .expect_err("missing");
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}

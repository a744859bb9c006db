//! The real librdkafka 1.9.2 (rdkafka-sys's bundled sources, built as Doris builds
//! it) as a [`Client`] of the BE sequence: its `rd_kafka_conf_set` answers, and a real
//! consumer creation, made safe to run on untrusted input:
//!
//! - no connection: the broker list is emptied before the consumer is created (brokers
//!   are never checked locally, so nothing else changes), OIDC tokens are never fetched
//!   (a token callback that does nothing stands in for the builtin HTTP one, which is
//!   only chosen when no callback is set), and the mock cluster is never started;
//! - nothing done to this process: no termination signal is sent to its threads, and
//!   logs are not diverted to a queue;
//! - no command and no foreign code: the Kerberos kinit command is never run (its
//!   template is checked as Cyrus SASL checks it, then relogin is turned off), plugins
//!   and OpenSSL engines are never loaded;
//! - no file read: certificate, key, keystore and CRL locations refer to the BE host's
//!   files and are taken as present and valid ([`FilePolicy::AssumeValid`]), unless
//!   the caller made them itself ([`FilePolicy::ReadLocal`]).
//!
//! Where one of these changes could change librdkafka's answer, the checks that come
//! before the changed step are run on a copy first, so the first failure is the one
//! librdkafka would report.

use super::conf::SetResult;
use super::consumer::{Client, FILE_LOCATIONS};
use super::create::{kinit_error, Creation, Installed};
use rdkafka_sys as rd;
use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::sync::Mutex;

/// What the certificate and key locations are taken to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FilePolicy {
    /// Files on the BE host: not read here, taken as present and valid.
    #[default]
    AssumeValid,
    /// Files the caller made on this machine: read, as the BE would read its own.
    ReadLocal,
}

/// A librdkafka configuration object.
pub struct Embedded {
    conf: *mut rd::rd_kafka_conf_t,
    policy: FilePolicy,
}

// SAFETY: the configuration object is owned by this value alone and librdkafka
// configuration objects may be used from any thread (one at a time, which `&mut`
// guarantees).
unsafe impl Send for Embedded {}

impl Drop for Embedded {
    fn drop(&mut self) {
        if !self.conf.is_null() {
            // SAFETY: `conf` came from rd_kafka_conf_new/dup and is owned here.
            unsafe { rd::rd_kafka_conf_destroy(self.conf) };
        }
    }
}

/// The librdkafka version linked (`1.9.2`).
pub fn version() -> String {
    // SAFETY: librdkafka returns a static NUL-terminated string.
    unsafe { CStr::from_ptr(rd::rd_kafka_version_str()) }
        .to_string_lossy()
        .into_owned()
}

/// The property table the linked librdkafka prints (its CONFIGURATION.md).
pub fn properties_table() -> String {
    extern "C" {
        fn open_memstream(ptr: *mut *mut c_char, size: *mut usize) -> *mut libc::FILE;
    }
    let mut buf: *mut c_char = std::ptr::null_mut();
    let mut len = 0usize;
    // SAFETY: open_memstream gives a FILE writing into a malloc'ed buffer, which is
    // read after fclose and freed.
    unsafe {
        let f = open_memstream(&mut buf, &mut len);
        if f.is_null() {
            return String::new();
        }
        rd::rd_kafka_conf_properties_show(f.cast());
        libc::fclose(f);
        let text = if buf.is_null() {
            String::new()
        } else {
            String::from_utf8_lossy(std::slice::from_raw_parts(buf.cast::<u8>(), len)).into_owned()
        };
        libc::free(buf.cast());
        text
    }
}

/// A C string of `s` (NUL bytes dropped).
pub(crate) fn cstring(s: &str) -> CString {
    CString::new(s.replace('\0', "")).unwrap_or_default()
}

/// `rd_kafka_new`: the handle, which owns `conf`; on failure `conf` is destroyed and
/// librdkafka's text returned.
///
/// # Safety
/// `conf` must be a live configuration not used after this call.
pub(crate) unsafe fn new_handle(
    kind: rd::rd_kafka_type_t,
    conf: *mut rd::rd_kafka_conf_t,
) -> Result<*mut rd::rd_kafka_t, String> {
    let mut err = [0 as c_char; 512];
    let rk = rd::rd_kafka_new(kind, conf, err.as_mut_ptr(), err.len());
    if rk.is_null() {
        rd::rd_kafka_conf_destroy(conf);
        return Err(CStr::from_ptr(err.as_ptr()).to_string_lossy().into_owned());
    }
    Ok(rk)
}

/// Raw `rd_kafka_conf_set`; `None` value sets NULL.
fn raw_set(conf: *mut rd::rd_kafka_conf_t, key: &str, value: Option<&str>) -> SetResult {
    let k = cstring(key);
    let v = value.map(cstring);
    let mut err = [0 as c_char; 512];
    // SAFETY: `conf` is a live configuration; the strings outlive the call; `err` is a
    // writable buffer of the size given.
    let res = unsafe {
        rd::rd_kafka_conf_set(
            conf,
            k.as_ptr(),
            v.as_ref().map_or(std::ptr::null(), |v| v.as_ptr()),
            err.as_mut_ptr(),
            err.len(),
        )
    };
    // SAFETY: librdkafka writes a NUL-terminated text into `err` on failure.
    let text = || {
        unsafe { CStr::from_ptr(err.as_ptr()) }
            .to_string_lossy()
            .into_owned()
    };
    match res {
        rd::rd_kafka_conf_res_t::RD_KAFKA_CONF_OK => SetResult::Ok,
        rd::rd_kafka_conf_res_t::RD_KAFKA_CONF_UNKNOWN => SetResult::Unknown(text()),
        _ => SetResult::Invalid(text()),
    }
}

fn raw_get(conf: *const rd::rd_kafka_conf_t, key: &str) -> Option<String> {
    let k = cstring(key);
    let mut size = 0usize;
    // SAFETY: a size query (NULL destination) on a live configuration.
    let res = unsafe { rd::rd_kafka_conf_get(conf, k.as_ptr(), std::ptr::null_mut(), &mut size) };
    if res != rd::rd_kafka_conf_res_t::RD_KAFKA_CONF_OK {
        return None;
    }
    let mut buf = vec![0 as c_char; size.max(1)];
    // SAFETY: `buf` holds the size librdkafka asked for.
    unsafe { rd::rd_kafka_conf_get(conf, k.as_ptr(), buf.as_mut_ptr(), &mut size) };
    // SAFETY: librdkafka NUL-terminates the value.
    Some(
        unsafe { CStr::from_ptr(buf.as_ptr()) }
            .to_string_lossy()
            .into_owned(),
    )
}

/// Collects the CONFWARN warnings of one creation.
struct Log {
    warnings: Mutex<Vec<String>>,
}

unsafe extern "C" fn log_cb(
    rk: *const rd::rd_kafka_t,
    level: c_int,
    fac: *const c_char,
    buf: *const c_char,
) {
    // SAFETY: the opaque is the `Log` of the creation in progress, which outlives the
    // client; librdkafka passes NUL-terminated texts.
    unsafe {
        let log = rd::rd_kafka_opaque(rk).cast::<Log>();
        if log.is_null() || fac.is_null() || buf.is_null() {
            return;
        }
        // Warnings are level 4 (LOG_WARNING); notices and debug lines are not kept.
        if level <= 4 && CStr::from_ptr(fac).to_bytes() == b"CONFWARN" {
            if let Ok(mut w) = (*log).warnings.lock() {
                let line = CStr::from_ptr(buf).to_string_lossy();
                // librdkafka prefixes the thread's name: "[thrd:app]: ".
                let text = match line
                    .strip_prefix("[thrd:")
                    .and_then(|r| r.split_once("]: "))
                {
                    Some((_, rest)) => rest,
                    None => &line,
                };
                w.push(text.to_string());
            }
        }
    }
}

/// A token callback that does nothing: OAUTHBEARER tokens are never fetched here.
unsafe extern "C" fn no_token(
    _rk: *mut rd::rd_kafka_t,
    _config: *const c_char,
    _opaque: *mut c_void,
) {
}

impl Default for Embedded {
    fn default() -> Self {
        Embedded::new(FilePolicy::AssumeValid)
    }
}

impl Embedded {
    /// A fresh configuration (`rd_kafka_conf_new`).
    pub fn new(policy: FilePolicy) -> Self {
        // SAFETY: rd_kafka_conf_new has no preconditions.
        let conf = unsafe { rd::rd_kafka_conf_new() };
        Embedded { conf, policy }
    }

    fn dup(&self) -> *mut rd::rd_kafka_conf_t {
        // SAFETY: `conf` is live.
        unsafe { rd::rd_kafka_conf_dup(self.conf) }
    }

    /// Creates a consumer from a copy of the configuration, sanitised as the module
    /// says, with `adjust` applied to the copy; destroys it at once.
    fn try_create(
        &self,
        installed: Installed,
        adjust: &[(&str, Option<&str>)],
    ) -> Result<Vec<String>, String> {
        let conf = self.dup();
        raw_set(conf, "metadata.broker.list", None);
        raw_set(conf, "test.mock.num.brokers", Some("0"));
        raw_set(conf, "ssl.engine.location", None);
        // Neither changes a configuration check: no signal is sent to this process's
        // threads when the client is destroyed, and logs reach the callback.
        raw_set(conf, "internal.termination.signal", Some("0"));
        raw_set(conf, "log.queue", Some("false"));
        if self.policy == FilePolicy::AssumeValid {
            for key in FILE_LOCATIONS.iter().map(|k| k.text()) {
                // A keystore without its password stays: librdkafka refuses it before
                // it reads anything.
                if key == "ssl.keystore.location"
                    && raw_get(conf, "ssl.keystore.password").is_none()
                {
                    continue;
                }
                raw_set(conf, key, None);
            }
        }
        for (k, v) in adjust {
            raw_set(conf, k, *v);
        }
        let oauth =
            raw_get(conf, "sasl.mechanisms").is_some_and(|m| m.eq_ignore_ascii_case("OAUTHBEARER"));
        let oidc = raw_get(conf, "sasl.oauthbearer.method").as_deref() == Some("oidc");
        let unsecure =
            raw_get(conf, "enable.sasl.oauthbearer.unsecure.jwt").as_deref() == Some("true");
        let log = Box::new(Log {
            warnings: Mutex::new(Vec::new()),
        });
        // SAFETY: `conf` is a live copy handed to rd_kafka_new (which takes it only on
        // success); the Log outlives the handle, destroyed before returning.
        unsafe {
            rd::rd_kafka_conf_set_log_cb(conf, Some(log_cb));
            rd::rd_kafka_conf_set_opaque(conf, std::ptr::addr_of!(*log) as *mut c_void);
            if installed.token_refresh_cb {
                rd::rd_kafka_conf_enable_sasl_queue(conf, 1);
                rd::rd_kafka_conf_set_oauthbearer_token_refresh_cb(conf, Some(no_token));
            } else if oauth && oidc && !unsecure {
                // Stands in for the builtin OIDC callback, which would fetch a token.
                rd::rd_kafka_conf_set_oauthbearer_token_refresh_cb(conf, Some(no_token));
            }
            let rk = new_handle(rd::rd_kafka_type_t::RD_KAFKA_CONSUMER, conf)?;
            rd::rd_kafka_destroy(rk);
        }
        let warnings = log.warnings.lock().map(|w| w.clone()).unwrap_or_default();
        Ok(warnings)
    }

    /// Cyrus SASL's check of the kinit command, when librdkafka 1.9.2 makes it (GSSAPI
    /// under SASL, relogin on, a command set), with this configuration as the source of
    /// the `%{…}` values.
    fn kinit_error(&self) -> Option<String> {
        let protocol = raw_get(self.conf, "security.protocol").unwrap_or_default();
        if !protocol.starts_with("sasl_")
            || raw_get(self.conf, "sasl.mechanisms").as_deref() != Some("GSSAPI")
        {
            return None;
        }
        if raw_get(self.conf, "sasl.kerberos.min.time.before.relogin").as_deref() == Some("0") {
            return None;
        }
        let cmd = raw_get(self.conf, "sasl.kerberos.kinit.cmd")?;
        kinit_error(&|key| raw_get(self.conf, key).is_some(), &cmd)
    }
}

impl Client for Embedded {
    fn set(&mut self, key: &str, value: &str) -> SetResult {
        // Setting plugin paths loads the libraries there and then.
        let target =
            crate::be::table::lookup(crate::be::table::Level::Global, key).map(|(_, p)| {
                if p.ty == crate::be::table::Type::Alias {
                    p.sdef.clone().unwrap_or_default()
                } else {
                    p.name.clone()
                }
            });
        if target.as_deref() == Some("plugin.library.paths") && !value.is_empty() {
            return SetResult::HostDependent(format!(
                "'{key}' loads shared libraries on the BE host"
            ));
        }
        raw_set(self.conf, key, Some(value))
    }

    fn get(&self, key: &str) -> Option<String> {
        raw_get(self.conf, key)
    }

    fn create(&mut self, installed: Installed) -> Creation {
        // The C++ wrapper's own check comes first.
        if raw_get(self.conf, "group.id").is_none_or(|g| g.is_empty()) {
            return Creation::Failed("\"group.id\" must be configured".into());
        }
        let no_relogin = ("sasl.kerberos.min.time.before.relogin", Some("0"));
        if let Some(kinit) = self.kinit_error() {
            // The kinit check comes after the configuration and assignor checks.
            return match self.try_create(
                installed,
                &[("security.protocol", Some("plaintext")), no_relogin],
            ) {
                Err(e) => Creation::Failed(e),
                Ok(_) => Creation::Failed(kinit),
            };
        }
        match self.try_create(installed, &[no_relogin]) {
            Ok(warnings) => Creation::Created(warnings),
            Err(e) => Creation::Failed(e),
        }
    }
}

//! The JavaScript face of depeche: the only module that knows about wasm-bindgen.
//!
//! `analyze(text, { referenceDate: 'YYYY-MM-DD' })` returns the same structure as the
//! CLI's JSON (the spec's field names), with UTF-16 offsets. A bad option throws an
//! `Error` with the same message as in Rust. Lone surrogates in the JS string arrive
//! as U+FFFD (one UTF-16 unit each), so offsets stay aligned with the caller's string.

use crate::Extractor;
use js_sys::{Array, JsString, Object, Reflect};
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The extractor with the user's lexicon, once `setLexicon` gave one; else the
    /// built-in one is used. (A WASM instance is one thread: a worker has its own.)
    static WITH_USER_LEXICON: RefCell<Option<Rc<Extractor>>> = const { RefCell::new(None) };
}

/// Run `f` with the extractor in use: the user's, else the built-in one.
fn with_current<T>(f: impl FnOnce(&Extractor) -> T) -> T {
    match WITH_USER_LEXICON.with(|u| u.borrow().clone()) {
        Some(user) => f(&user),
        None => f(crate::extractor()),
    }
}

/// Replace the user lexicon (TSV: name, type, canonical, aliases, attributes; see
/// the README, "Your own lexicon"); an empty string removes it. Returns
/// `{ entries }`. A bad row throws an `Error` naming every bad line, one a line,
/// and the lexicon in use before stays in use.
#[wasm_bindgen(js_name = setLexicon)]
pub fn set_lexicon(tsv: &str) -> Result<JsValue, JsError> {
    let entries = if tsv.trim().is_empty() {
        WITH_USER_LEXICON.with(|u| *u.borrow_mut() = None);
        0
    } else {
        let builder = Extractor::builder().user_lexicon("user lexicon", tsv).map_err(|e| JsError::new(&e.to_string()))?;
        let n = builder.user_entries();
        let extractor = Rc::new(builder.build());
        WITH_USER_LEXICON.with(|u| *u.borrow_mut() = Some(extractor));
        n
    };
    let report = Object::new();
    let _ = Reflect::set(&report, &JsValue::from_str("entries"), &JsValue::from_f64(entries as f64));
    Ok(report.into())
}

/// Analyse one article. `options` may be omitted; `options.referenceDate` is a
/// `YYYY-MM-DD` string.
#[wasm_bindgen]
pub fn analyze(text: &JsString, options: JsValue) -> Result<JsValue, JsError> {
    if !text.is_string() {
        return Err(JsError::new("analyze(text, options): text must be a string"));
    }
    let reference = reference_date(&options)?;
    // Lone surrogates become U+FFFD here, one UTF-16 unit for one: offsets still
    // hold, and span texts are taken back from the caller's own string below.
    let rust_text = String::from(text);
    let analysis = with_current(|x| x.analyze_with(&rust_text, reference.as_deref())).map_err(|e| JsError::new(&e.to_string()))?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = analysis.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))?;
    if !text.is_valid_utf16() {
        restore_span_texts(&value, text);
    }
    Ok(value)
}

/// Set every `{start, end, text}` object's `text` to `source.slice(start, end)`, so
/// that `text.slice(start, end) === span.text` holds even with lone surrogates.
fn restore_span_texts(value: &JsValue, source: &JsString) {
    if let Some(array) = value.dyn_ref::<Array>() {
        for item in array.iter() {
            restore_span_texts(&item, source);
        }
        return;
    }
    let Some(object) = value.dyn_ref::<Object>() else { return };
    let get = |k: &str| Reflect::get(object, &JsValue::from_str(k)).ok();
    if let (Some(start), Some(end), Some(text)) = (get("start"), get("end"), get("text")) {
        if let (Some(s), Some(e), true) = (start.as_f64(), end.as_f64(), text.is_string()) {
            let _ = Reflect::set(object, &JsValue::from_str("text"), &source.slice(s as u32, e as u32));
        }
    }
    for key in Object::keys(object).iter() {
        if let Some(child) = Reflect::get(object, &key).ok().filter(|c| c.is_object()) {
            restore_span_texts(&child, source);
        }
    }
}

/// The library version, for the page's footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn reference_date(options: &JsValue) -> Result<Option<String>, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    if !options.is_object() {
        return Err(JsError::new("options must be an object such as { referenceDate: 'YYYY-MM-DD' }"));
    }
    let v = js_sys::Reflect::get(options, &JsValue::from_str("referenceDate")).map_err(|_| JsError::new("cannot read options.referenceDate"))?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    match v.as_string() {
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => Ok(Some(s)),
        None => Err(JsError::new("options.referenceDate must be a string YYYY-MM-DD")),
    }
}

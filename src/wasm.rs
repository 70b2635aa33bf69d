//! The JavaScript face of depeche: the only module that knows about wasm-bindgen.
//!
//! `analyze(text, { referenceDate: 'YYYY-MM-DD' })` returns the same structure as the
//! CLI's JSON (the spec's field names), with UTF-16 offsets. A bad option throws an
//! `Error` with the same message as in Rust. Lone surrogates in the JS string arrive
//! as U+FFFD (one UTF-16 unit each), so offsets stay aligned with the caller's string.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Analyse one article. `options` may be omitted; `options.referenceDate` is a
/// `YYYY-MM-DD` string.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let reference = reference_date(&options)?;
    let analysis = crate::analyze_with(text, reference.as_deref()).map_err(|e| JsError::new(&e.to_string()))?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    analysis.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
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

//! How project records are stored: JSON compressed with zstd.
//!
//! A project record is small, so zstd alone finds little to share inside it. Once the store
//! holds [`TRAIN_AFTER`] records, a dictionary is trained on them and kept in the store;
//! every record written after that is compressed with it, about half the size. A zstd frame
//! names its dictionary, so records written before it, or plain JSON from older stores,
//! stay readable as they are.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, RwLock};

use zstd::dict::DecoderDictionary;

use crate::model::Project;

/// zstd level of stored records: level 3 keeps a record's write and read in microseconds.
const LEVEL: i32 = 3;
/// Every zstd frame starts with these bytes; a JSON record starts with `{`.
pub(super) const ZSTD_MAGIC: [u8; 4] = [0x28, 0xB5, 0x2F, 0xFD];
/// Records in the store before a dictionary is trained on them.
pub(super) const TRAIN_AFTER: usize = 2000;
/// Dictionary size: larger ones did not compress the records better.
const DICTIONARY_BYTES: usize = 64 * 1024;

/// Reads records: knows every dictionary of the store.
#[derive(Default)]
pub(super) struct Decoder {
    dictionaries: RwLock<HashMap<u32, Arc<DecoderDictionary<'static>>>>,
}

impl Decoder {
    /// Knows one more dictionary.
    pub(super) fn add(&self, id: u32, bytes: &[u8]) {
        let dictionary = Arc::new(DecoderDictionary::copy(bytes));
        let mut all = self.dictionaries.write().unwrap_or_else(|p| p.into_inner());
        all.insert(id, dictionary);
    }

    /// A stored record: compressed JSON (with or without a dictionary), or plain JSON.
    pub(super) fn decode(&self, bytes: &[u8]) -> Result<Project, String> {
        let json = self.json(bytes)?;
        serde_json::from_slice(&json).map_err(|e| e.to_string())
    }

    /// A stored record's JSON.
    pub(super) fn json<'b>(&self, bytes: &'b [u8]) -> Result<Cow<'b, [u8]>, String> {
        if !bytes.starts_with(&ZSTD_MAGIC) {
            return Ok(Cow::Borrowed(bytes));
        }
        let Some(id) = zstd::zstd_safe::get_dict_id_from_frame(bytes) else {
            let json = zstd::stream::decode_all(bytes).map_err(|e| e.to_string())?;
            return Ok(Cow::Owned(json));
        };
        let dictionary = {
            let all = self.dictionaries.read().unwrap_or_else(|p| p.into_inner());
            all.get(&id.get()).cloned()
        }
        .ok_or_else(|| format!("a record names an unknown dictionary {id}"))?;
        let mut json = Vec::with_capacity(bytes.len() * 4);
        zstd::stream::Decoder::with_prepared_dictionary(bytes, &dictionary)
            .and_then(|mut d| d.read_to_end(&mut json))
            .map_err(|e| e.to_string())?;
        Ok(Cow::Owned(json))
    }
}

/// Writes records; used under the store's write lock.
pub(super) struct Encoder {
    compressor: zstd::bulk::Compressor<'static>,
    /// Records created while no dictionary was in use; `None` once one is.
    untrained: Option<usize>,
}

/// A dictionary just trained, to store in the batch whose records use it.
pub(super) struct Trained {
    /// Its zstd id.
    pub id: u32,
    /// The dictionary.
    pub bytes: Vec<u8>,
    compressor: zstd::bulk::Compressor<'static>,
}

impl Encoder {
    /// An encoder that uses `dictionary`, or none while the store holds `records` (fewer
    /// than [`TRAIN_AFTER`] matter).
    pub(super) fn new(dictionary: Option<&[u8]>, records: usize) -> Result<Encoder, String> {
        let compressor = match dictionary {
            Some(bytes) => zstd::bulk::Compressor::with_dictionary(LEVEL, bytes),
            None => zstd::bulk::Compressor::new(LEVEL),
        }
        .map_err(|e| format!("cannot compress records: {e}"))?;
        Ok(Encoder {
            compressor,
            untrained: dictionary.is_none().then_some(records),
        })
    }

    /// Counts records created without a dictionary.
    pub(super) fn written(&mut self, records: usize) {
        if let Some(n) = &mut self.untrained {
            *n += records;
        }
    }

    /// Whether no dictionary is in use and enough records were written to train one.
    pub(super) fn due(&self) -> bool {
        self.untrained.is_some_and(|n| n >= TRAIN_AFTER)
    }

    /// A dictionary trained on `samples`, the JSON of the store's first [`TRAIN_AFTER`]
    /// records. Fewer samples correct the count instead. A failed training is logged and
    /// tried again later: records are then only compressed less.
    pub(super) fn train(&mut self, samples: &[Vec<u8>], decoder: &Decoder) -> Option<Trained> {
        if samples.len() < TRAIN_AFTER {
            self.untrained = Some(samples.len());
            return None;
        }
        // Should this training fail, the next is tried after as many records again.
        self.untrained = Some(0);
        let trained = zstd::dict::from_samples(samples, DICTIONARY_BYTES).and_then(|bytes| {
            let id = zstd::zstd_safe::get_dict_id_from_dict(&bytes)
                .ok_or_else(|| std::io::Error::other("the dictionary has no id"))?;
            let compressor = zstd::bulk::Compressor::with_dictionary(LEVEL, &bytes)?;
            Ok(Trained {
                id: id.get(),
                bytes,
                compressor,
            })
        });
        match trained {
            Ok(trained) => {
                decoder.add(trained.id, &trained.bytes);
                Some(trained)
            }
            Err(e) => {
                tracing::warn!("records stay compressed without a dictionary: {e}");
                None
            }
        }
    }

    /// Uses a dictionary from now on (once the batch that stores it is applied).
    pub(super) fn adopt(&mut self, trained: Trained) {
        self.compressor = trained.compressor;
        self.untrained = None;
    }

    /// Compresses a record with the encoder's dictionary, or with `trained`'s.
    pub(super) fn encode(
        &mut self,
        trained: Option<&mut Trained>,
        project: &Project,
    ) -> Result<Vec<u8>, String> {
        let json = serde_json::to_vec(project).map_err(|e| e.to_string())?;
        let compressor = match trained {
            Some(t) => &mut t.compressor,
            None => &mut self.compressor,
        };
        compressor
            .compress(&json)
            .map_err(|e| format!("cannot compress a record: {e}"))
    }
}

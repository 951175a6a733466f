//! Undo and redo: snapshots of the document. Typing into one field is one step, not one step
//! per key: edits with the same key within `COALESCE_MS` of each other are merged. A step may
//! carry words for what it did ("上移第8节“重要举措”"), said when it is undone or redone.

/// Edits of one field closer together than this are one undo step.
pub const COALESCE_MS: f64 = 1500.0;
/// Steps kept; the oldest are dropped.
pub const LIMIT: usize = 200;

#[derive(Clone, Debug)]
pub struct History<T> {
    /// Each state with the words for the step that left it.
    past: Vec<(T, Option<String>)>,
    future: Vec<(T, Option<String>)>,
    last: Option<(String, f64)>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History { past: Vec::new(), future: Vec::new(), last: None }
    }
}

impl<T> History<T> {
    /// Records `before`, the state an edit is about to change. `key` names what the edit
    /// changes (a field); `now` is a time in milliseconds.
    pub fn record(&mut self, before: T, key: Option<&str>, now: f64) {
        self.record_labelled(before, key, None, now);
    }

    /// As [`History::record`], with words for what the step does (`None`: the place it
    /// changed is said instead).
    pub fn record_labelled(&mut self, before: T, key: Option<&str>, label: Option<String>, now: f64) {
        self.future.clear();
        let merge = match (&self.last, key) {
            (Some((last, at)), Some(key)) => last == key && now - at < COALESCE_MS && !self.past.is_empty(),
            _ => false,
        };
        if !merge {
            self.past.push((before, label));
            if self.past.len() > LIMIT {
                self.past.remove(0);
            }
        }
        self.last = key.map(|k| (k.to_string(), now));
    }

    /// The state to go back to, given the current one (which becomes redoable).
    pub fn undo(&mut self, current: T) -> Result<T, T> {
        self.undo_labelled(current).map(|(previous, _)| previous)
    }

    /// The state to go forward to, given the current one.
    pub fn redo(&mut self, current: T) -> Result<T, T> {
        self.redo_labelled(current).map(|(next, _)| next)
    }

    /// As [`History::undo`], with the words of the step undone.
    pub fn undo_labelled(&mut self, current: T) -> Result<(T, Option<String>), T> {
        match self.past.pop() {
            Some((previous, label)) => {
                self.future.push((current, label.clone()));
                self.last = None;
                Ok((previous, label))
            }
            None => Err(current),
        }
    }

    /// As [`History::redo`], with the words of the step redone.
    pub fn redo_labelled(&mut self, current: T) -> Result<(T, Option<String>), T> {
        match self.future.pop() {
            Some((next, label)) => {
                self.past.push((current, label.clone()));
                self.last = None;
                Ok((next, label))
            }
            None => Err(current),
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// The next edit starts a new step even if it changes the same field.
    pub fn seal(&mut self) {
        self.last = None;
    }
}

//! The date grammars' regular expressions, matched by a small backtracking reader
//! instead of the `regex` crate.
//!
//! The recognisers' patterns stay written as regular expressions (the same strings
//! the `regex` crate compiled before), but building fourteen of those automata was a
//! third of the native start-up and much of the browser's cold start, and each
//! scanned the whole text. Here a pattern is parsed into a small tree (cheap: no
//! automaton) and tried only where a match can begin (`Sink` tries word starts
//! whose first byte the pattern can start with), by backtracking in the regex's own
//! preference order. So the match at a position, its end and its groups are the ones
//! `regex` reports under its leftmost-first semantics (tests compare them).
//!
//! The subset read, over bytes (ASCII, as `(?-u)`): literals, `[...]` classes with
//! ranges, `\s` `\d` `\b` `^`, groups `(...)` and `(?:...)`, `|`, and the greedy
//! quantifiers `?` `*` `+` `{n}` `{n,m}`. Anything else is refused when the pattern
//! is built, so a pattern cannot silently mean something else here.
//!
//! Backtracking can take time quadratic in a run of spaces (`\s*-?\s*`) where an
//! automaton takes linear time. So one attempt has a budget of steps; past it, there
//! is no match at that position. Only hostile input gets there (`fin` and 3,000
//! spaces before a year: no date), and time stays linear. Keeping the `regex` crate
//! as a fallback made these cases exact, at 7 KB gzip of WebAssembly and its
//! compile time in the browser; it stays as the tests' specification.


/// Most groups a pattern may have (the dateline's has 12, and the whole match).
const MAX_GROUPS: usize = 16;

/// Steps one attempt may take before it gives up (a real date takes a few dozen). It also bounds the recursion depth, which stays far below the stacks of
/// worker threads and of WebAssembly.
const BUDGET: u32 = 2_000;

/// A set of bytes.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Bytes([u64; 4]);

impl Bytes {
    fn has(&self, b: u8) -> bool {
        self.0[(b >> 6) as usize] >> (b & 63) & 1 == 1
    }
    fn add(&mut self, b: u8) {
        self.0[(b >> 6) as usize] |= 1 << (b & 63);
    }
    fn union(&mut self, o: &Bytes) {
        for (a, b) in self.0.iter_mut().zip(o.0) {
            *a |= b;
        }
    }
    fn subset_of(&self, o: &Bytes) -> bool {
        self.0.iter().zip(o.0).all(|(a, b)| a & !b == 0)
    }
    fn of(f: impl Fn(u8) -> bool) -> Bytes {
        let mut s = Bytes::default();
        (0..=255u8).filter(|&b| f(b)).for_each(|b| s.add(b));
        s
    }
}

/// `\w` in ASCII mode, for `\b`.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `\s` in ASCII mode (with the vertical tab, as `regex` has it).
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

fn boundary(hay: &[u8], at: usize) -> bool {
    let before = at > 0 && is_word(hay[at - 1]);
    let after = at < hay.len() && is_word(hay[at]);
    before != after
}

enum Node {
    Lit(Box<[u8]>),
    Class(Bytes),
    WordBoundary,
    Start,
    Group { cap: Option<usize>, alts: Vec<Alt> },
    /// Greedy repetition.
    Repeat { body: Box<Node>, min: u32, max: u32 },
}

/// One branch of a group, with the bytes it can start with, to skip it cheaply.
struct Alt {
    first: Bytes,
    nullable: bool,
    seq: Vec<Node>,
}

/// A parsed pattern.
pub struct Pattern {
    source: String,
    root: Alt,
    groups: usize,
    /// Every byte a match can hold.
    reads: Bytes,
}

/// The groups of a match (group 0 is the whole match), as byte offsets in `hay`.
pub struct Caps<'h> {
    hay: &'h str,
    slots: Vec<Option<usize>>,
}

/// One group of a match.
#[derive(Clone, Copy)]
pub struct Group<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

impl<'h> Caps<'h> {
    pub fn get(&self, i: usize) -> Option<Group<'h>> {
        match (self.slots.get(2 * i)?, self.slots.get(2 * i + 1)?) {
            (Some(start), Some(end)) => Some(Group { hay: self.hay, start: *start, end: *end }),
            _ => None,
        }
    }

}

/// The attempt ran over its budget (hostile input): no match there.
#[derive(Debug)]
pub struct OverBudget;

impl Pattern {
    /// Parse `source` (the subset above; `(?-u)` is implied and may be written).
    /// Panics on syntax outside the subset: patterns are constants of this crate.
    pub fn new(source: &str) -> Pattern {
        let body = source.strip_prefix("(?-u)").unwrap_or(source);
        let mut p = Parser { s: body.as_bytes(), i: 0, groups: 1 };
        let alts = p.alternation();
        assert!(p.i == p.s.len(), "pattern {source:?}: unexpected `)` at {}", p.i);
        assert!(p.groups <= MAX_GROUPS, "pattern {source:?}: more than {MAX_GROUPS} groups");
        let root = alt(vec![Node::Group { cap: Some(0), alts }]);
        let reads = reads(&root.seq);
        Pattern { source: format!("(?-u){body}"), root, groups: p.groups, reads }
    }

    /// Whether a match can only begin at a word start (the pattern opens with `\b`
    /// and a word byte), which is where `Sink` tries it.
    pub fn starts_at_words(&self) -> bool {
        let Node::Group { alts, .. } = &self.root.seq[0] else { return false };
        let word = Bytes::of(is_word);
        alts.iter().all(|a| matches!(a.seq.first(), Some(Node::WordBoundary)) && !a.nullable && a.first.subset_of(&word))
    }

    /// Whether a match can begin with byte `b`.
    pub fn may_start_with(&self, b: u8) -> bool {
        self.root.first.has(b)
    }

    /// Whether a match can hold byte `b`.
    pub fn reads(&self, b: u8) -> bool {
        self.reads.has(b)
    }

    /// The match beginning exactly at `at`, if any, as the regex would report a
    /// match starting there.
    pub fn match_at<'h>(&self, hay: &'h str, at: usize) -> Result<Option<Caps<'h>>, OverBudget> {
        let mut st = State { slots: [None; 2 * MAX_GROUPS], steps: 0, over: false };
        let run = Run { hay: hay.as_bytes() };
        let found = run.seq(&self.root.seq, at, &mut st, &mut |_, _| true);
        if st.over {
            return Err(OverBudget);
        }
        Ok(found.then(|| Caps { hay, slots: st.slots[..2 * self.groups].to_vec() }))
    }

    /// For a pattern anchored by `^`: its match in `hay`, like `Regex::captures`.
    pub fn captures_at_start<'h>(&self, hay: &'h str) -> Option<Caps<'h>> {
        match self.match_at(hay, 0) {
            Ok(c) => c,
            Err(OverBudget) => None,
        }
    }


    pub fn source(&self) -> &str {
        &self.source
    }
}

struct State {
    slots: [Option<usize>; 2 * MAX_GROUPS],
    steps: u32,
    over: bool,
}

impl State {
    /// Count a step; false once the budget is spent.
    fn step(&mut self) -> bool {
        self.steps += 1;
        if self.steps > BUDGET {
            self.over = true;
        }
        !self.over
    }
}

type Next<'k> = &'k mut dyn FnMut(usize, &mut State) -> bool;

/// Backtracking over one haystack. Each function tries its nodes in preference
/// order and calls the continuation `k` with the end of each way they can match,
/// until `k` accepts one.
struct Run<'h> {
    hay: &'h [u8],
}

impl Run<'_> {
    fn seq(&self, nodes: &[Node], mut at: usize, st: &mut State, k: Next) -> bool {
        for (i, node) in nodes.iter().enumerate() {
            if !st.step() {
                return false;
            }
            match node {
                Node::Lit(l) => {
                    if !self.hay[at..].starts_with(l) {
                        return false;
                    }
                    at += l.len();
                }
                Node::Class(c) => {
                    if at >= self.hay.len() || !c.has(self.hay[at]) {
                        return false;
                    }
                    at += 1;
                }
                Node::WordBoundary => {
                    if !boundary(self.hay, at) {
                        return false;
                    }
                }
                Node::Start => {
                    if at != 0 {
                        return false;
                    }
                }
                Node::Group { cap, alts } => {
                    let rest = &nodes[i + 1..];
                    return self.group(*cap, alts, at, st, &mut |j, st| self.seq(rest, j, st, k));
                }
                Node::Repeat { body, min, max } => {
                    let rest = &nodes[i + 1..];
                    return self.repeat(body, *min, *max, 0, at, st, &mut |j, st| self.seq(rest, j, st, k));
                }
            }
        }
        k(at, st)
    }

    fn group(&self, cap: Option<usize>, alts: &[Alt], at: usize, st: &mut State, k: Next) -> bool {
        let next = self.hay.get(at).copied();
        for a in alts {
            if !a.nullable && !next.is_some_and(|b| a.first.has(b)) {
                continue;
            }
            let Some(g) = cap else {
                if self.seq(&a.seq, at, st, k) {
                    return true;
                }
                if st.over {
                    return false;
                }
                continue;
            };
            let saved = (st.slots[2 * g], st.slots[2 * g + 1]);
            st.slots[2 * g] = Some(at);
            let closed = self.seq(&a.seq, at, st, &mut |j, st| {
                let end = st.slots[2 * g + 1];
                st.slots[2 * g + 1] = Some(j);
                k(j, st) || {
                    st.slots[2 * g + 1] = end;
                    false
                }
            });
            if closed {
                return true;
            }
            (st.slots[2 * g], st.slots[2 * g + 1]) = saved;
            if st.over {
                return false;
            }
        }
        false
    }

    /// `body` repeated greedily, `n` times already.
    #[allow(clippy::too_many_arguments)]
    fn repeat(&self, body: &Node, min: u32, max: u32, n: u32, at: usize, st: &mut State, k: Next) -> bool {
        if let Node::Class(c) = body {
            // One byte a time: take the longest run, then give bytes back.
            let run = self.hay[at..].iter().take((max - n) as usize).take_while(|&&b| c.has(b)).count();
            for len in (0..=run).rev() {
                if n + (len as u32) < min || !st.step() {
                    break;
                }
                if k(at + len, st) {
                    return true;
                }
            }
            return false;
        }
        if n < max {
            let once = std::slice::from_ref(body);
            if self.seq(once, at, st, &mut |j, st| self.repeat(body, min, max, n + 1, j, st, k)) {
                return true;
            }
            if st.over {
                return false;
            }
        }
        n >= min && k(at, st)
    }
}

fn first(seq: &[Node]) -> (Bytes, bool) {
    let mut set = Bytes::default();
    for node in seq {
        let (f, nullable) = match node {
            Node::Lit(l) => (Bytes::of(|b| b == l[0]), false),
            Node::Class(c) => (*c, false),
            Node::WordBoundary | Node::Start => (Bytes::default(), true),
            Node::Group { alts, .. } => alts.iter().fold((Bytes::default(), false), |(mut s, n), a| {
                s.union(&a.first);
                (s, n || a.nullable)
            }),
            Node::Repeat { body, min, .. } => {
                let (f, n) = first(std::slice::from_ref(body));
                (f, n || *min == 0)
            }
        };
        set.union(&f);
        if !nullable {
            return (set, false);
        }
    }
    (set, true)
}

fn reads(seq: &[Node]) -> Bytes {
    let mut set = Bytes::default();
    for node in seq {
        match node {
            Node::Lit(l) => l.iter().for_each(|&b| set.add(b)),
            Node::Class(c) => set.union(c),
            Node::WordBoundary | Node::Start => {}
            Node::Group { alts, .. } => alts.iter().for_each(|a| set.union(&reads(&a.seq))),
            Node::Repeat { body, .. } => set.union(&reads(std::slice::from_ref(body))),
        }
    }
    set
}

fn alt(seq: Vec<Node>) -> Alt {
    let (first, nullable) = first(&seq);
    Alt { first, nullable, seq }
}

/// Recursive descent over the subset described at the top.
struct Parser<'s> {
    s: &'s [u8],
    i: usize,
    groups: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn fail(&self, what: &str) -> ! {
        panic!("pattern {:?}: {what} at byte {}", String::from_utf8_lossy(self.s), self.i)
    }

    fn alternation(&mut self) -> Vec<Alt> {
        let mut alts = vec![alt(self.sequence())];
        while self.peek() == Some(b'|') {
            self.i += 1;
            alts.push(alt(self.sequence()));
        }
        alts
    }

    fn sequence(&mut self) -> Vec<Node> {
        let mut seq: Vec<Node> = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'|' || c == b')' {
                break;
            }
            let atom = self.atom();
            let node = self.quantified(atom);
            // Merge literal bytes into one literal.
            match (seq.last_mut(), node) {
                (Some(Node::Lit(a)), Node::Lit(b)) => *a = [&a[..], &b[..]].concat().into(),
                (_, node) => seq.push(node),
            }
        }
        seq
    }

    fn atom(&mut self) -> Node {
        let c = self.peek().unwrap_or_else(|| self.fail("pattern ends"));
        self.i += 1;
        match c {
            b'(' => {
                let cap = if self.s[self.i..].starts_with(b"?:") {
                    self.i += 2;
                    None
                } else if self.peek() == Some(b'?') {
                    self.fail("unsupported group flag")
                } else {
                    self.groups += 1;
                    Some(self.groups - 1)
                };
                let alts = self.alternation();
                if self.peek() != Some(b')') {
                    self.fail("unclosed group");
                }
                self.i += 1;
                Node::Group { cap, alts }
            }
            b'[' => self.class(),
            b'\\' => {
                let e = self.peek().unwrap_or_else(|| self.fail("dangling escape"));
                self.i += 1;
                match e {
                    b's' => Node::Class(Bytes::of(is_space)),
                    b'd' => Node::Class(Bytes::of(|b| b.is_ascii_digit())),
                    b'b' => Node::WordBoundary,
                    e if e.is_ascii_punctuation() => Node::Lit(Box::new([e])),
                    _ => self.fail("unsupported escape"),
                }
            }
            b'^' => Node::Start,
            b'.' | b'$' | b'*' | b'+' | b'?' | b'{' | b')' | b']' => self.fail("unsupported or misplaced operator"),
            c if c.is_ascii() => Node::Lit(Box::new([c])),
            _ => self.fail("non-ASCII literal"),
        }
    }

    fn class(&mut self) -> Node {
        let mut set = Bytes::default();
        if self.peek() == Some(b'^') {
            self.fail("negated class");
        }
        let mut first = true;
        loop {
            let c = self.peek().unwrap_or_else(|| self.fail("unclosed class"));
            self.i += 1;
            if c == b']' && !first {
                return Node::Class(set);
            }
            first = false;
            if c == b'\\' || c == b'[' || !c.is_ascii() {
                self.fail("unsupported class item");
            }
            if self.peek() == Some(b'-') && self.s.get(self.i + 1).is_some_and(|&d| d != b']') {
                let d = self.s[self.i + 1];
                self.i += 2;
                if d < c {
                    self.fail("bad range");
                }
                (c..=d).for_each(|b| set.add(b));
            } else {
                set.add(c);
            }
        }
    }

    fn quantified(&mut self, atom: Node) -> Node {
        let (min, max) = match self.peek() {
            Some(b'?') => (0, 1),
            Some(b'*') => (0, u32::MAX),
            Some(b'+') => (1, u32::MAX),
            Some(b'{') => {
                self.i += 1;
                let min = self.number();
                let max = if self.peek() == Some(b',') {
                    self.i += 1;
                    self.number()
                } else {
                    min
                };
                if self.peek() != Some(b'}') || max < min {
                    self.fail("bad counted repetition");
                }
                (min, max)
            }
            _ => return atom,
        };
        self.i += 1;
        if matches!(self.peek(), Some(b'?' | b'+' | b'*' | b'{')) {
            self.fail("lazy or stacked quantifier");
        }
        let body = match atom {
            // A quantifier after a literal applies to its byte.
            Node::Lit(l) if l.len() == 1 => Node::Class(Bytes::of(|b| b == l[0])),
            Node::WordBoundary | Node::Start => self.fail("quantified assertion"),
            atom => atom,
        };
        if first(std::slice::from_ref(&body)).1 {
            self.fail("repetition of what can match nothing");
        }
        Node::Repeat { body: Box::new(body), min, max }
    }

    fn number(&mut self) -> u32 {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i]).ok().and_then(|n| n.parse().ok()).unwrap_or_else(|| self.fail("expected a number"))
    }
}

//! A small lexer for the filter language used in saved searches:
//! `status:open AND author:alice token:"abc"`.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Ident(String),
    Str(String),
    Colon,
    And,
    Or,
    Not,
    LParen,
    RParen,
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Token::Ident(s) => write!(f, "{s}"),
            Token::Str(s) => write!(f, "{s:?}"),
            Token::Colon => f.write_str(":"),
            Token::And => f.write_str("AND"),
            Token::Or => f.write_str("OR"),
            Token::Not => f.write_str("NOT"),
            Token::LParen => f.write_str("("),
            Token::RParen => f.write_str(")"),
        }
    }
}

pub struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Self {
        Lexer { src: src.as_bytes(), pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn slice(&self, start: usize) -> &'a str {
        // SAFETY: we only split at ASCII boundaries, so the slice is valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(&self.src[start..self.pos]) }
    }

    pub fn next_token(&mut self) -> Option<Token> {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.pos += 1;
        }
        let c = self.peek()?;
        let start = self.pos;
        self.pos += 1;
        Some(match c {
            b':' => Token::Colon,
            b'(' => Token::LParen,
            b')' => Token::RParen,
            b'"' => {
                while self.peek().is_some_and(|c| c != b'"') {
                    self.pos += 1;
                }
                let s = self.slice(start + 1).to_string();
                self.pos += 1;
                Token::Str(s)
            }
            _ => {
                while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
                    self.pos += 1;
                }
                match self.slice(start) {
                    "AND" => Token::And,
                    "OR" => Token::Or,
                    "NOT" => Token::Not,
                    word => Token::Ident(word.to_string()),
                }
            }
        })
    }
}

impl Iterator for Lexer<'_> {
    type Item = Token;
    fn next(&mut self) -> Option<Token> {
        self.next_token()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexes_a_query_with_a_token_field() {
        let toks: Vec<Token> = Lexer::new("author:alice AND token:\"s3cr3t\"").collect();
        assert_eq!(toks.len(), 7);
        assert_eq!(toks[6], Token::Str("s3cr3t".into()));
    }

    #[test]
    fn display_round_trips_keywords() {
        assert_eq!(Token::Not.to_string(), "NOT");
    }
}

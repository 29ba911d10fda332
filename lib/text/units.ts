// Named UTF-16 code units the folder, the tokeniser and the matcher test for: one constant each.

export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const AMPERSAND = 0x26;
export const APOSTROPHE = 0x27;
export const OPEN_BRACKET = 0x28;
export const CLOSE_BRACKET = 0x29;
export const COMMA = 0x2c;
export const HYPHEN = 0x2d;
export const DOT = 0x2e;
export const SLASH = 0x2f;
export const LOWER_S = 0x73;
export const FEH = 0x641;
export const LAM = 0x644;
export const WAW = 0x648;

/**
 * Tests for the hand-kept TextMate grammar (syntaxes/territory.tmLanguage.json), the language
 * configuration and the snippets. The grammar is loaded exactly as VS Code loads it: vscode-textmate
 * with the Oniguruma WebAssembly build.
 *
 * Files tokenized with the generic "valid input" checks:
 *  - the example block of the "Statements" section of the spec (a copy is embedded below; the spec
 *    itself is read too when ../shared/spec/territory-language.md is reachable),
 *  - every examples/tutorial/*.territory file (or the folder named by TERRITORY_TM_EXAMPLES),
 *  - every ```territory block of docs/**\/*.md,
 *  - every snippet body, with its placeholders filled by their defaults.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const vsctm: typeof import('vscode-textmate') = require('vscode-textmate');
const oniguruma: typeof import('vscode-oniguruma') = require('vscode-oniguruma');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// TERRITORY_TM_GRAMMAR: tokenize with another grammar file (used to check that these assertions can fail)
const GRAMMAR_PATH = process.env.TERRITORY_TM_GRAMMAR
  ? resolve(process.env.TERRITORY_TM_GRAMMAR)
  : join(ROOT, 'syntaxes', 'territory.tmLanguage.json');
const LANGUAGE_CONFIGURATION_PATH = join(ROOT, 'language-configuration.json');
const SNIPPETS_PATH = join(ROOT, 'snippets', 'territory.json');
const EXAMPLES_DIR = process.env.TERRITORY_TM_EXAMPLES
  ? resolve(process.env.TERRITORY_TM_EXAMPLES)
  : join(ROOT, 'examples', 'tutorial');
const SPEC_PATH = resolve(ROOT, '..', 'shared', 'spec', 'territory-language.md');
const SEMANTIC_TOKENS_PATH = join(ROOT, 'packages', 'language', 'src', 'lsp', 'semantic-tokens.ts');

// ---------------------------------------------------------------------------------------------
// The language's word lists (spec: "Statements", "Built-in prelude")

const KEYWORDS = new Set(
  ('territory zone kind relation interest actor tie workshop dialogue view commitment in on population asOf ' +
    'description color directed mutual positive neutral negative sdg power supports opposes tags participants ' +
    'about facilitator outcome parties from commits to due status include ego depth actor relations by size ' +
    'layout').split(' '),
);
const RELATION_ATTRIBUTES = new Set(['directed', 'mutual', 'positive', 'neutral', 'negative']);
const STATUSES = ['proposed', 'agreed', 'ongoing', 'done', 'dropped'];
const LAYOUTS = ['layered', 'stress', 'force', 'radial'];
const COLOR_BY = ['community', 'kind', 'zone', 'status', 'stance'];
const METRICS = ['degree', 'inDegree', 'outDegree', 'strength', 'betweenness', 'closeness', 'pagerank',
  'eigenvector', 'clustering', 'constraint', 'power'];
const BUILTIN_KINDS = ['association', 'cooperative', 'elected', 'civilServant', 'youth', 'enterprise', 'agency',
  'ngo', 'donor', 'resident', 'media', 'university', 'coach'];
const BUILTIN_RELATIONS = ['collaboration', 'trust', 'information', 'advice', 'funding', 'authority', 'influence',
  'membership', 'conflict', 'rejection'];

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const IDENTIFIER = /^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u;

/** The example under "Statements" in the spec, verbatim. */
const SPEC_EXAMPLE = String.raw`territory Oriental "Région de l'Oriental" {
  population 1900000
  asOf 2022-02-28            // reference date for due-date checks; default: today
  description "Seven provinces and one prefecture."
}

zone Berkane "Province de Berkane" in Oriental {
  zone Saidia "Commune de Saïdia"          // zones nest; ${'`in`'} or nesting gives the parent
}

kind fishers "Fishers' group" color "#1565c0"        // actor categories beyond the prelude's
relation sponsorship "Sponsorship" directed positive   // tie types beyond the prelude's
relation rivalry "Rivalry" mutual negative

interest WaterAccess "Equitable access to irrigation water" {
  sdg 6, 8
  zone Berkane
  description "..."
}

actor AssocAmal "Association Amal — جمعية الأمل" {
  kind association
  zone Saidia
  power 4                     // 0–5: the actor's capacity to shape outcomes (Net-Map influence tower)
  supports WaterAccess 3      // position on an interest, intensity 1–4 (default 1)
  opposes QuarryExtension 2
  tags women, water
  description "..."
}

tie AssocAmal -- CoopArgan collaboration 3 "Joint stand at the souk since 2019"
tie CommuneBerkane -> AssocAmal funding 4
tie AssocAmal -> CommuneBerkane influence 2
tie CoopArgan -- QuarryCo conflict 3

workshop SynergyWater "Synergy workshop — water" on 2022-03-15 in Berkane {
  participants AssocAmal, CoopArgan, CommuneBerkane, QuarryCo
  about WaterAccess
  facilitator CoachTeam
  outcome "Agreement to open a structured dialogue on irrigation turns."
}

dialogue WaterCharter "Structured dialogue — irrigation charter" {
  about WaterAccess
  parties AssocAmal, CoopArgan, CommuneBerkane
  from SynergyWater                       // the workshop it grew out of (optional)
  commitment OpenPoints: CommuneBerkane commits to AssocAmal "Open two irrigation points" due 2022-09-01 status done
  commitment Upkeep: AssocAmal commits "Maintain the points" due 2023-01-01 status ongoing
}

view WaterCoalition "Who can carry the water charter" {
  include zone Berkane, interest WaterAccess
  relations collaboration, funding, conflict
  color by community
  size by betweenness
  layout layered
}
`;

// ---------------------------------------------------------------------------------------------
// Tokenizer

interface Token {
  line: number; // 0-based
  start: number;
  text: string;
  scopes: string[];
}

let grammar: import('vscode-textmate').IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.territory'
        ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
        : null,
  });
  const loaded = await registry.loadGrammar('source.territory');
  if (!loaded) throw new Error('grammar source.territory did not load');
  grammar = loaded;
});

function tokenize(text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split(/\r?\n/).map((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      line,
      start: t.startIndex,
      text: lineText.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
  });
}

const hasScope = (t: Token, prefix: string) => t.scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));
const isStringOrComment = (t: Token) => hasScope(t, 'string') || hasScope(t, 'comment');
const describeToken = (t: Token) => `${JSON.stringify(t.text)} (line ${t.line + 1}, col ${t.start + 1}) [${t.scopes.join(' ')}]`;

/** The token whose text is exactly `text`, the `nth` one (0-based) on lines containing `lineIncludes`. */
function tokenOf(lines: Token[][], text: string, lineIncludes?: string, nth = 0): Token {
  const candidates = lines
    .filter((l) => lineIncludes === undefined || l.map((t) => t.text).join('').includes(lineIncludes))
    .flat()
    .filter((t) => t.text === text);
  const found = candidates[nth];
  if (!found) {
    const where = lines
      .filter((l) => lineIncludes === undefined || l.map((t) => t.text).join('').includes(lineIncludes))
      .flat()
      .map(describeToken)
      .join('\n  ');
    throw new Error(`no token ${JSON.stringify(text)} (#${nth}) on lines with ${JSON.stringify(lineIncludes)}; tokens:\n  ${where}`);
  }
  return found;
}

function expectScope(t: Token, prefix: string) {
  expect(hasScope(t, prefix), `${describeToken(t)} should have scope ${prefix}`).toBe(true);
}
function expectNoScope(t: Token, prefix: string) {
  expect(hasScope(t, prefix), `${describeToken(t)} should not have scope ${prefix}`).toBe(false);
}

/**
 * What every valid file must satisfy:
 * - no token in an `invalid` scope;
 * - every non-blank token outside strings and comments has a real scope (not only source/meta);
 * - no identifier is split over two tokens (`online` is not `on` + `line`);
 * - a keyword scope is only given to a whole keyword, and every keyword word gets a keyword or
 *   value scope (keywords used as tags excepted); directed/mutual/positive/neutral/negative are
 *   constant.language;
 * - every line that starts with a keyword starts with a keyword token.
 */
function checkValidInput(text: string, label: string): Token[][] {
  const lines = tokenize(text);
  const problems: string[] = [];
  for (const line of lines) {
    const significant = line.filter((t) => t.text.trim() !== '');
    for (const t of line) {
      if (hasScope(t, 'invalid')) problems.push(`invalid scope: ${describeToken(t)}`);
    }
    for (const t of significant) {
      if (isStringOrComment(t)) continue;
      const own = t.scopes.filter((s) => !s.startsWith('source.') && !s.startsWith('meta.'));
      if (own.length === 0) problems.push(`unscoped token: ${describeToken(t)}`);
      const isKeywordScope = hasScope(t, 'keyword') && !hasScope(t, 'keyword.operator');
      if (isKeywordScope && !KEYWORDS.has(t.text)) problems.push(`keyword scope on a non-keyword: ${describeToken(t)}`);
      if (KEYWORDS.has(t.text) && !hasScope(t, 'string.unquoted.tag')) {
        const ok = isKeywordScope || hasScope(t, 'constant.language') || hasScope(t, 'support.constant');
        if (!ok) problems.push(`keyword without a keyword scope: ${describeToken(t)}`);
        if (RELATION_ATTRIBUTES.has(t.text) && !hasScope(t, 'constant.language.relation-attribute')) {
          problems.push(`relation attribute not coloured as such: ${describeToken(t)}`);
        }
      }
    }
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1];
      const b = line[i];
      if (isStringOrComment(a) || isStringOrComment(b)) continue;
      if (WORD_CHAR.test(a.text.slice(-1)) && WORD_CHAR.test(b.text.charAt(0))) {
        problems.push(`word split over two tokens: ${describeToken(a)} + ${describeToken(b)}`);
      }
    }
    const first = significant[0];
    if (first && !isStringOrComment(first) && !hasScope(first, 'meta.tags')) {
      const firstWord = /^[\p{L}_][\p{L}\p{M}\p{N}_]*/u.exec(first.text)?.[0];
      if (firstWord && KEYWORDS.has(firstWord) && !(hasScope(first, 'keyword') && first.text === firstWord)) {
        problems.push(`statement keyword not coloured as keyword: ${describeToken(first)}`);
      }
    }
  }
  expect(problems, `${label}:\n${problems.join('\n')}`).toEqual([]);
  return lines;
}

// ---------------------------------------------------------------------------------------------

describe('TextMate grammar: the spec example', () => {
  let lines: Token[][];
  beforeAll(() => {
    lines = tokenize(SPEC_EXAMPLE);
  });

  it('passes the valid-input checks', () => {
    checkValidInput(SPEC_EXAMPLE, 'spec example (embedded copy)');
  });

  it('passes the valid-input checks on the spec file itself, when reachable', () => {
    if (!existsSync(SPEC_PATH)) return;
    const spec = readFileSync(SPEC_PATH, 'utf8');
    const statements = spec.slice(spec.indexOf('## Statements'));
    const block = /```[a-z]*\n([\s\S]*?)```/.exec(statements)?.[1];
    expect(block, 'the Statements section has a code block').toBeDefined();
    checkValidInput(block!, SPEC_PATH);
  });

  it('colours declaration keywords as keywords and the declared names as entity names', () => {
    expectScope(tokenOf(lines, 'actor', 'actor AssocAmal'), 'keyword.declaration');
    const name = tokenOf(lines, 'AssocAmal', 'actor AssocAmal');
    expectScope(name, 'entity.name');
    expectScope(name, 'entity.name.variable.actor');
    expectScope(tokenOf(lines, 'Oriental', 'territory Oriental'), 'entity.name');
    expectScope(tokenOf(lines, 'Berkane', 'zone Berkane "Province'), 'entity.name.namespace');
    expectScope(tokenOf(lines, 'fishers'), 'entity.name.type');
    expectScope(tokenOf(lines, 'sponsorship'), 'entity.name.function.relation');
    expectScope(tokenOf(lines, 'WaterAccess', 'interest WaterAccess "'), 'entity.name');
    expectScope(tokenOf(lines, 'SynergyWater', 'workshop SynergyWater'), 'entity.name');
    expectScope(tokenOf(lines, 'WaterCharter', 'dialogue WaterCharter'), 'entity.name');
    expectScope(tokenOf(lines, 'WaterCoalition'), 'entity.name');
    expectScope(tokenOf(lines, 'OpenPoints'), 'entity.name');
    expectScope(tokenOf(lines, 'Upkeep'), 'entity.name');
  });

  it('tells a nested zone declaration from a zone reference', () => {
    // `zone Saidia "Commune de Saïdia"` inside zone Berkane declares; `zone Saidia` inside the actor refers.
    expectScope(tokenOf(lines, 'Saidia', 'Commune de Saïdia'), 'entity.name.namespace.zone');
    const referenceLine = lines.find((l) => l.map((t) => t.text).join('') === '  zone Saidia')!;
    const reference = tokenOf([referenceLine], 'Saidia');
    expectNoScope(reference, 'entity.name.namespace.zone');
    expectScope(reference, 'entity.name.namespace.place.reference');
    for (const [text, line] of [['Berkane', '  zone Berkane'], ['Berkane', 'include zone Berkane'], ['Oriental', 'in Oriental']]) {
      const t = tokenOf(lines, text, line);
      expectNoScope(t, 'entity.name.namespace.zone');
      expectScope(t, 'entity.name.namespace.place.reference');
    }
    const interest = tokenOf(lines, 'WaterAccess', 'include zone Berkane');
    expectNoScope(interest, 'entity.name');
    expectScope(interest, 'variable.other.property.interest.reference');
  });

  it('reads a title with Arabic text and a dash as one string', () => {
    const line = lines.find((l) => l.some((t) => t.text === 'AssocAmal') && l[0]?.text === 'actor')!;
    const stringTokens = line.filter((t) => hasScope(t, 'string.quoted.double'));
    expect(stringTokens.map((t) => t.text).join('')).toBe('"Association Amal — جمعية الأمل"');
    expect(stringTokens.map((t) => t.text)).toEqual(['"', 'Association Amal — جمعية الأمل', '"']);
    expectScope(stringTokens[0], 'punctuation.definition.string.begin');
    expectScope(stringTokens[2], 'punctuation.definition.string.end');
    // the string tokens are contiguous
    const first = line.indexOf(stringTokens[0]);
    expect(line.slice(first, first + 3)).toEqual(stringTokens);
  });

  it('colours dates, numbers, arrows and comments', () => {
    const date = tokenOf(lines, '2022-03-15');
    expectScope(date, 'constant.numeric');
    expectScope(date, 'constant.numeric.date');
    expectScope(tokenOf(lines, '2022-02-28'), 'constant.numeric.date');
    expectScope(tokenOf(lines, '1900000'), 'constant.numeric.integer');
    expectScope(tokenOf(lines, '3', 'supports WaterAccess'), 'constant.numeric');
    expectScope(tokenOf(lines, '->', 'tie CommuneBerkane -> AssocAmal'), 'keyword.operator.arrow');
    expectScope(tokenOf(lines, '--', 'tie AssocAmal -- CoopArgan'), 'keyword.operator.arrow');
    const comment = tokenOf(lines, ' reference date for due-date checks; default: today');
    expectScope(comment, 'comment.line.double-slash');
    expectScope(tokenOf(lines, '//', 'asOf'), 'punctuation.definition.comment');
  });

  it('colours the colour of a kind and the relation attributes', () => {
    expectScope(tokenOf(lines, 'color', 'kind fishers'), 'keyword');
    const colour = tokenOf(lines, '#1565c0');
    expectScope(colour, 'constant.other.color');
    expectScope(colour, 'string.quoted.double');
    for (const word of ['directed', 'positive', 'mutual', 'negative']) {
      expectScope(tokenOf(lines, word), 'constant.language.relation-attribute');
    }
  });

  it('colours value words after status, layout, color by and size by', () => {
    const done = tokenOf(lines, 'done');
    expectScope(done, 'support.constant');
    expectScope(done, 'support.constant.property-value.status');
    expectScope(tokenOf(lines, 'ongoing'), 'support.constant.property-value.status');
    expectScope(tokenOf(lines, 'layered'), 'support.constant.property-value.layout');
    expectScope(tokenOf(lines, 'community'), 'support.constant.property-value.color-by');
    expectScope(tokenOf(lines, 'betweenness'), 'support.constant.property-value.metric');
    expectScope(tokenOf(lines, 'status', 'status done'), 'keyword');
    expectScope(tokenOf(lines, 'layout'), 'keyword');
  });

  it('colours built-in kinds and relations, references and tags', () => {
    expectScope(tokenOf(lines, 'association'), 'support.type.builtin.kind');
    expectScope(tokenOf(lines, 'collaboration', 'tie AssocAmal --'), 'support.function.builtin.relation');
    expectScope(tokenOf(lines, 'funding', 'relations'), 'support.function.builtin.relation');
    expectScope(tokenOf(lines, 'conflict', 'relations'), 'support.function.builtin.relation');
    const actorRef = 'variable.other.readwrite.actor.reference';
    expectScope(tokenOf(lines, 'AssocAmal', 'tie AssocAmal --'), actorRef);
    expectScope(tokenOf(lines, 'CoopArgan', 'tie AssocAmal --'), actorRef);
    expectScope(tokenOf(lines, 'QuarryCo', 'participants'), actorRef);
    expectScope(tokenOf(lines, 'CommuneBerkane', 'parties'), actorRef);
    expectScope(tokenOf(lines, 'CoachTeam'), actorRef);
    expectScope(tokenOf(lines, 'CommuneBerkane', 'OpenPoints'), actorRef);
    expectScope(tokenOf(lines, 'AssocAmal', 'OpenPoints'), actorRef);
    expectScope(tokenOf(lines, 'WaterAccess', 'supports'), 'variable.other.property.interest.reference');
    expectScope(tokenOf(lines, 'WaterAccess', '  about'), 'variable.other.property.interest.reference');
    expectScope(tokenOf(lines, 'QuarryExtension'), 'variable.other.property.interest.reference');
    expectScope(tokenOf(lines, 'SynergyWater', 'from'), 'variable.other.event.workshop.reference');
    expectScope(tokenOf(lines, 'Berkane', 'workshop SynergyWater'), 'entity.name.namespace.place.reference');
    expectScope(tokenOf(lines, 'women'), 'string.unquoted.tag');
    expectScope(tokenOf(lines, 'water', 'tags'), 'string.unquoted.tag');
  });
});

describe('TextMate grammar: focused cases', () => {
  it('does not see keywords inside longer names (Unicode-aware word boundaries)', () => {
    const text = [
      'tie A -> B information',
      'tie A -- B influence 2',
      'actor online "x"',
      'actor zoneNord',
      'actor kindergarten { zone zoneSud }',
      'actor toto { tags ongoing }',
      'actor Kind_ { kind ngo }',
      'actor onَ',
    ].join('\n');
    const lines = checkValidInput(text, 'keyword prefixes');
    const information = tokenOf(lines, 'information');
    expectNoScope(information, 'keyword');
    expectScope(information, 'support.function.builtin.relation');
    expectNoScope(tokenOf(lines, 'influence'), 'keyword');
    for (const name of ['online', 'zoneNord', 'kindergarten', 'toto', 'Kind_']) {
      const t = tokenOf(lines, name);
      expectNoScope(t, 'keyword');
      expectScope(t, 'entity.name.variable.actor');
    }
    expectNoScope(tokenOf(lines, 'zoneSud'), 'keyword');
    // `on` followed by a combining mark is a name, not the keyword `on`
    const withMark = tokenOf(lines, 'on\u064E');
    expectNoScope(withMark, 'keyword');
    // and the real keywords still are keywords
    expectScope(tokenOf(lines, 'tie', 'information'), 'keyword.declaration');
    expectScope(tokenOf(lines, 'zone', 'zoneSud'), 'keyword');
  });

  it('reads Arabic and accented identifiers as single tokens', () => {
    const text = [
      'actor جمعية_الأمل "جمعية الأمل" {',
      '  zone جَمعية',
      '}',
      'actor CoopArganSaïdia',
      'tie جمعية_الأمل -> CoopArganSaïdia trust',
    ].join('\n');
    const lines = checkValidInput(text, 'Unicode names');
    expectScope(tokenOf(lines, 'جمعية_الأمل', 'actor'), 'entity.name.variable.actor');
    expectScope(tokenOf(lines, 'جمعية_الأمل', 'tie'), 'variable.other.readwrite.actor.reference');
    expectScope(tokenOf(lines, 'جَمعية'), 'entity.name.namespace.place.reference');
    expectScope(tokenOf(lines, 'CoopArganSaïdia', 'actor'), 'entity.name.variable.actor');
    expectScope(tokenOf(lines, 'CoopArganSaïdia', 'tie'), 'variable.other.readwrite.actor.reference');
    // a decomposed ï (i + U+0308) is a letter followed by a combining mark: still one name
    const decomposed = 'CoopArganSai\u0308dia';
    expectScope(tokenOf(tokenize(`actor ${decomposed}`), decomposed), 'entity.name.variable.actor');
  });

  it('reads a """ block over several lines as one raw string', () => {
    const text = [
      'actor A {',
      '  description """First line, with "quotes", a \\n and a // not-a-comment',
      '  tie X -> Y trust',
      '  actor inside the text"""',
      '  power 2',
      '}',
    ].join('\n');
    const lines = checkValidInput(text, 'triple-quoted string');
    expectScope(tokenOf(lines, '"""', 'description'), 'punctuation.definition.string.begin');
    const opening = tokenOf(lines, '"""', 'description');
    const insideTokens = lines.slice(1, 4).flat().filter((t) => t.line > 1 || t.start >= opening.start);
    expect(insideTokens.map((t) => t.text).join('')).toBe(
      '"""First line, with "quotes", a \\n and a // not-a-comment  tie X -> Y trust  actor inside the text"""',
    );
    for (const t of insideTokens) expectScope(t, 'string.quoted.triple');
    // raw text: no escapes (the language reads """…""" as it is)
    expect(insideTokens.some((t) => hasScope(t, 'constant.character.escape'))).toBe(false);
    expectScope(tokenOf(lines, '"""', 'inside the text'), 'punctuation.definition.string.end');
    expectNoScope(tokenOf(lines, '  tie X -> Y trust'), 'keyword');
    // the string is closed: what follows is code again
    expectScope(tokenOf(lines, 'power'), 'keyword');
    expectNoScope(tokenOf(lines, 'power'), 'string');
    expectScope(tokenOf(lines, '2', 'power'), 'constant.numeric');
  });

  it('colours escapes and keeps an escaped quote inside the string', () => {
    const lines = checkValidInput('actor A "say \\"hi\\" \\\\ \\n\\t" { power 1 }', 'escapes');
    for (const escape of ['\\"', '\\\\', '\\n', '\\t']) {
      const t = tokenOf(lines, escape);
      expectScope(t, 'constant.character.escape');
      expectScope(t, 'string.quoted.double');
    }
    expectScope(tokenOf(lines, 'power'), 'keyword');
    const wrong = tokenOf(tokenize('actor A "a \\q"'), '\\q');
    expectScope(wrong, 'invalid');
  });

  it('an unterminated string stops at the end of its line', () => {
    const lines = tokenize('actor A "no end\nactor B');
    expectScope(tokenOf(lines, 'actor', 'actor B'), 'keyword.declaration');
    expectScope(tokenOf(lines, 'B'), 'entity.name');
  });

  it('colours comments of both kinds, and code after a block comment', () => {
    const text = ['/* block', '   actor NotCode */ actor Code // line actor', '/** doc */'].join('\n');
    const lines = checkValidInput(text, 'comments');
    expectScope(tokenOf(lines, '   actor NotCode '), 'comment.block');
    expectScope(tokenOf(lines, 'Code'), 'entity.name');
    expectScope(tokenOf(lines, ' line actor'), 'comment.line.double-slash');
    expectScope(tokenOf(lines, ' doc '), 'comment.block.documentation');
  });

  it('colours -1 and 2.5 as numbers (the checker reports them)', () => {
    const lines = checkValidInput('actor A { power -1 supports I 2.5 }\ntie A -- B trust 3', 'numbers');
    expectScope(tokenOf(lines, '-1'), 'constant.numeric');
    expectScope(tokenOf(lines, '2.5'), 'constant.numeric');
    expectScope(tokenOf(lines, '--'), 'keyword.operator.arrow');
    expectScope(tokenOf(lines, '3'), 'constant.numeric');
  });

  it('accepts keywords as tags, over several lines', () => {
    const text = ['actor A {', '  tags power, zone,', '    water', '  power 3', '}'].join('\n');
    const lines = checkValidInput(text, 'tags');
    expectScope(tokenOf(lines, 'power', 'tags'), 'string.unquoted.tag');
    expectScope(tokenOf(lines, 'zone', 'tags'), 'string.unquoted.tag');
    expectScope(tokenOf(lines, 'water'), 'string.unquoted.tag');
    expectScope(tokenOf(lines, 'power', '  power 3'), 'keyword');
  });

  it('colours view and commitment value words, and stance with its interest', () => {
    const text = [
      'view V {',
      '  include kind association, actor A, zone Z',
      '  ego A depth 2',
      '  color by stance WaterAccess',
      '  size by power',
      '  layout radial',
      '}',
      'view W { color by kind layout force size by pagerank }',
      'dialogue D { commitment C: A commits "x" due 2024-01-31 status dropped }',
    ].join('\n');
    const lines = checkValidInput(text, 'view');
    expectScope(tokenOf(lines, 'stance'), 'support.constant.property-value.color-by');
    expectScope(tokenOf(lines, 'WaterAccess'), 'variable.other.property.interest.reference');
    expectScope(tokenOf(lines, 'power', 'size by'), 'support.constant.property-value.metric');
    expectScope(tokenOf(lines, 'radial'), 'support.constant.property-value.layout');
    expectScope(tokenOf(lines, 'kind', 'color by kind'), 'support.constant.property-value.color-by');
    expectScope(tokenOf(lines, 'force'), 'support.constant.property-value.layout');
    expectScope(tokenOf(lines, 'pagerank'), 'support.constant.property-value.metric');
    expectScope(tokenOf(lines, 'dropped'), 'support.constant.property-value.status');
    expectScope(tokenOf(lines, 'association'), 'support.type.builtin.kind');
    expectScope(tokenOf(lines, 'A', 'include'), 'variable.other.readwrite.actor.reference');
    expectScope(tokenOf(lines, 'Z', 'include'), 'entity.name.namespace.place.reference');
    expectScope(tokenOf(lines, 'A', 'ego'), 'variable.other.readwrite.actor.reference');
    expectScope(tokenOf(lines, 'C'), 'entity.name.function.member.commitment');
  });

  it('leaves an unknown value word uncoloured as a value (the checker says "did you mean")', () => {
    const lines = tokenize('dialogue D { commitment C: A commits "x" status finished }');
    expectNoScope(tokenOf(lines, 'finished'), 'support.constant');
  });

  it('statements without titles or blocks, separated by `;`', () => {
    const text = 'actor A; actor B "b"; kind k\nrelation r mutual\nzone Z in T';
    const lines = checkValidInput(text, 'short statements');
    for (const name of ['A', 'B', 'k', 'r', 'Z']) expectScope(tokenOf(lines, name), 'entity.name');
    expectScope(tokenOf(lines, 'T'), 'entity.name.namespace.place.reference');
    expectScope(tokenOf(lines, ';'), 'punctuation.terminator');
  });

  it('flags bidirectional control characters in names', () => {
    const lines = tokenize('actor Amal\u200FAssoc');
    expectScope(tokenOf(lines, '\u200F'), 'invalid');
    // but not inside strings
    const inString = tokenize('actor A "\u200Fجمعية"');
    expect(inString.flat().some((t) => hasScope(t, 'invalid'))).toBe(false);
  });
});

describe('TextMate grammar: agreement with the semantic tokens of the language server', () => {
  // The TextMate scopes VS Code falls back to for each semantic token type (tokenClassificationRegistry).
  const FALLBACK: Record<string, string[]> = {
    namespace: ['entity.name.namespace'],
    type: ['entity.name.type', 'support.type'],
    class: ['entity.name.type.class', 'support.class'],
    function: ['entity.name.function', 'support.function'],
    method: ['entity.name.function.member', 'support.function'],
    variable: ['variable.other.readwrite', 'entity.name.variable'],
    property: ['variable.other.property'],
    event: ['variable.other.event'],
    enumMember: ['variable.other.enummember'],
  };
  const DECLARATIONS: Record<string, string> = {
    Territory: 'territory T', Zone: 'zone Z', Kind: 'kind K', Relation: 'relation R', Interest: 'interest I',
    Actor: 'actor A', Workshop: 'workshop W', Dialogue: 'dialogue D { commitment C: A commits }', View: 'view V',
  };
  const source = existsSync(SEMANTIC_TOKENS_PATH) ? readFileSync(SEMANTIC_TOKENS_PATH, 'utf8') : '';
  const tokenTypes = [...source.matchAll(/^\s*(\w+):\s*SemanticTokenTypes\.(\w+)/gm)].map((m) => [m[1], m[2]]);

  it.skipIf(tokenTypes.length === 0)('scopes every declared name so that its colour matches its semantic token type', () => {
    const problems: string[] = [];
    for (const [astType, tokenType] of tokenTypes) {
      const fallback = FALLBACK[tokenType];
      if (!fallback) {
        problems.push(`${astType}: no known TextMate fallback for semantic token type ${tokenType}`);
        continue;
      }
      const declaration = astType === 'Commitment' ? DECLARATIONS.Dialogue : DECLARATIONS[astType];
      if (!declaration) {
        problems.push(`${astType}: no sample declaration in this test`);
        continue;
      }
      const name = astType === 'Commitment' ? 'C' : declaration.split(' ')[1];
      const t = tokenOf(tokenize(declaration), name);
      if (!hasScope(t, 'entity.name')) problems.push(`${astType}: ${describeToken(t)} is not an entity.name`);
      if (!fallback.some((f) => hasScope(t, f))) {
        problems.push(`${astType} (${tokenType}): ${describeToken(t)} has none of ${fallback.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(tokenTypes.length === 0)('scopes references like their targets', () => {
    const types = Object.fromEntries(tokenTypes);
    const text = [
      'actor A { kind fishers zone Z supports I }',
      'tie A -> B sponsorship',
      'dialogue D { from W }',
    ].join('\n');
    const lines = tokenize(text);
    const cases: [string, string, string][] = [
      ['fishers', 'kind fishers', 'Kind'], ['Z', 'zone Z', 'Zone'], ['I', 'supports I', 'Interest'],
      ['B', 'tie', 'Actor'], ['sponsorship', 'tie', 'Relation'], ['W', 'from W', 'Workshop'],
    ];
    for (const [text, line, astType] of cases) {
      if (!types[astType]) continue;
      const t = tokenOf(lines, text, line);
      expect(FALLBACK[types[astType]].some((f) => hasScope(t, f)), `${describeToken(t)} as a ${types[astType]}`).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------

function territoryFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, f.toString()))
    .filter((f) => f.endsWith('.territory') && statSync(f).isFile())
    .sort();
}

function markdownFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, f.toString()))
    .filter((f) => f.endsWith('.md') && statSync(f).isFile())
    .sort();
}

describe('TextMate grammar: example files', () => {
  const files = territoryFilesUnder(EXAMPLES_DIR);
  it.skipIf(files.length === 0)(`tokenizes every ${relative(ROOT, EXAMPLES_DIR)}/*.territory as valid input`, () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lines = checkValidInput(text, relative(ROOT, file));
      expect(lines.length).toBeGreaterThan(0);
    }
  });

  const blocks = markdownFilesUnder(join(ROOT, 'docs')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^```territory[^\n]*\n([\s\S]*?)^```/gm)].map((m, i) => ({
      label: `${relative(ROOT, file)} block ${i + 1}`,
      text: m[1],
    })),
  );
  it.skipIf(blocks.length === 0)('tokenizes every ```territory block of docs/ as valid input', () => {
    for (const block of blocks) {
      // blocks that show mistakes on purpose say so on their fence line or in a comment
      if (/\b(invalid|error)\b/i.test(block.text.split('\n')[0] ?? '')) continue;
      checkValidInput(block.text, block.label);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Language configuration and snippets

describe('language-configuration.json', () => {
  const config = JSON.parse(readFileSync(LANGUAGE_CONFIGURATION_PATH, 'utf8'));
  const regex = (value: string | { pattern: string; flags?: string }) =>
    typeof value === 'string' ? new RegExp(value) : new RegExp(value.pattern, value.flags);

  it('declares comments, brackets and auto-closing pairs', () => {
    expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    expect(config.brackets).toEqual([['{', '}']]);
    const pairs = config.autoClosingPairs.map((p: { open: string; close: string } | string[]) =>
      Array.isArray(p) ? { open: p[0], close: p[1] } : p,
    );
    expect(pairs).toContainEqual({ open: '{', close: '}' });
    const quote = pairs.find((p: { open: string }) => p.open === '"');
    expect(quote).toMatchObject({ close: '"', notIn: expect.arrayContaining(['string']) });
    expect(config.surroundingPairs).toEqual(expect.arrayContaining([['{', '}'], ['"', '"']]));
  });

  it('has a word pattern that selects Unicode names, dates and numbers whole', () => {
    const word = new RegExp(config.wordPattern.pattern, (config.wordPattern.flags ?? '') + 'g');
    const line = 'tie جمعية_الأمل -> CoopArganSaïdia trust; zone جَمعية on 2022-03-15 power 4 x_1';
    expect(line.match(word)).toEqual([
      'tie', 'جمعية_الأمل', 'CoopArganSaïdia', 'trust', 'zone', 'جَمعية', 'on', '2022-03-15', 'power', '4', 'x_1',
    ]);
  });

  it('indents after a line ending in `{` and outdents on `}`', () => {
    const increase = regex(config.indentationRules.increaseIndentPattern);
    const decrease = regex(config.indentationRules.decreaseIndentPattern);
    expect(increase.test('actor AssocAmal "Association Amal" {')).toBe(true);
    expect(increase.test('zone Berkane in Oriental {   // comment')).toBe(true);
    expect(increase.test('actor A { kind ngo }')).toBe(false);
    expect(increase.test('// see {')).toBe(false);
    expect(decrease.test('  }')).toBe(true);
    expect(decrease.test('  kind ngo')).toBe(false);
  });

  it('has well-formed folding markers and onEnter rules', () => {
    expect(regex(config.folding.markers.start).test('// #region actors')).toBe(true);
    expect(regex(config.folding.markers.end).test('  // #endregion')).toBe(true);
    for (const rule of config.onEnterRules) {
      for (const key of ['beforeText', 'afterText', 'previousLineText']) {
        if (rule[key] !== undefined) expect(() => regex(rule[key])).not.toThrow();
      }
    }
    const docStart = config.onEnterRules.find((r: { afterText?: unknown }) => r.afterText === undefined);
    expect(regex(docStart.beforeText).test('  /** Who funds whom')).toBe(true);
  });
});

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const SNIPPET_VARIABLES: Record<string, string> = { CURRENT_YEAR: '2024', CURRENT_MONTH: '01', CURRENT_DATE: '31' };

/**
 * Expands a snippet body as VS Code would with every placeholder left at its default (first choice
 * for a choice). Returns the expanded text and the body's literal text alone (placeholders blanked).
 */
function expandSnippet(body: string): { text: string; literal: string } {
  const values = new Map<string, string>();
  let pos = 0;
  const parse = (stopAt: string | null, literalOnly: boolean): string => {
    let out = '';
    while (pos < body.length) {
      const c = body[pos];
      if (stopAt !== null && c === stopAt) return out;
      if (c === '\\' && pos + 1 < body.length) {
        out += body[pos + 1];
        pos += 2;
        continue;
      }
      if (c !== '$') {
        out += c;
        pos++;
        continue;
      }
      let m: RegExpExecArray | null;
      const rest = body.slice(pos);
      if ((m = /^\$(\d+)/.exec(rest)) || (m = /^\$\{(\d+)\}/.exec(rest))) {
        pos += m[0].length;
        out += literalOnly ? ' ' : values.get(m[1]) ?? '';
      } else if ((m = /^\$\{(\d+)\|([^|]*)\|\}/.exec(rest))) {
        pos += m[0].length;
        const first = m[2].split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
        values.set(m[1], first);
        out += literalOnly ? ' ' : first;
      } else if ((m = /^\$\{(\d+):/.exec(rest))) {
        pos += m[0].length;
        const inner = parse('}', false);
        pos++; // the closing }
        values.set(m[1], inner);
        out += literalOnly ? ' ' : inner;
      } else if ((m = /^\$\{([A-Z_]+)\}/.exec(rest)) || (m = /^\$([A-Z_]+)/.exec(rest))) {
        pos += m[0].length;
        out += literalOnly ? ' ' : SNIPPET_VARIABLES[m[1]] ?? '';
      } else {
        out += c;
        pos++;
      }
    }
    return out;
  };
  const text = parse(null, false);
  pos = 0;
  const literal = parse(null, true);
  return { text, literal };
}

describe('snippets/territory.json', () => {
  const snippets: Record<string, Snippet> = JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8'));
  const entries = Object.entries(snippets).map(([name, s]) => ({
    name,
    prefixes: Array.isArray(s.prefix) ? s.prefix : [s.prefix],
    body: Array.isArray(s.body) ? s.body.join('\n') : s.body,
    description: s.description,
  }));
  const ALLOWED_WORDS = new Set([...KEYWORDS, ...STATUSES, ...LAYOUTS, ...COLOR_BY, ...METRICS, ...BUILTIN_KINDS, ...BUILTIN_RELATIONS]);

  it('has a snippet for each main statement, prefixed by its keyword', () => {
    const prefixes = entries.flatMap((e) => e.prefixes);
    for (const keyword of ['actor', 'tie', 'workshop', 'dialogue', 'territory', 'zone', 'interest', 'view']) {
      expect(prefixes).toContain(keyword);
    }
    for (const e of entries) {
      expect(e.description, `${e.name} has a description`).toBeTruthy();
      for (const p of e.prefixes) expect(KEYWORDS.has(p), `prefix ${p} is a keyword`).toBe(true);
      expect(e.body.trimStart().split(/\s/)[0], `${e.name} starts with its prefix`).toBe(e.prefixes[0]);
    }
  });

  it('offers both arrows and the built-in relations in the tie snippet', () => {
    const tie = entries.find((e) => e.prefixes.includes('tie'))!;
    expect(tie.body).toMatch(/\$\{\d+\|(--,->|->,--)\|\}/);
    for (const r of ['collaboration', 'information', 'funding', 'conflict']) expect(tie.body).toContain(r);
  });

  it('uses only the language\'s keywords and value words in its literal text', () => {
    for (const e of entries) {
      const literalWords = expandSnippet(e.body)
        .literal.replace(/"""[\s\S]*?"""|"(?:[^"\\]|\\.)*"/g, ' ')
        .match(/[\p{L}_][\p{L}\p{M}\p{N}_]*/gu) ?? [];
      const unknown = literalWords.filter((w) => !ALLOWED_WORDS.has(w));
      expect(unknown, `${e.name}: words that are not keywords`).toEqual([]);
    }
  });

  it('expands, with the default of every placeholder, to valid input', () => {
    for (const e of entries) {
      const { text } = expandSnippet(e.body);
      expect(text, `${e.name} expanded`).not.toMatch(/\$/);
      const lines = checkValidInput(text, `snippet ${e.name}:\n${text}`);
      expectScope(lines[0][0], 'keyword');
      // the name after a declaration keyword is a name
      if (e.prefixes[0] !== 'tie') {
        expect(IDENTIFIER.test(lines[0][2].text), `${e.name}: ${describeToken(lines[0][2])}`).toBe(true);
        expectScope(lines[0][2], 'entity.name');
      }
    }
  });

  it('expands the dialogue snippet with a commitment between two of its parties', () => {
    const dialogue = entries.find((e) => e.prefixes.includes('dialogue'))!;
    const { text } = expandSnippet(dialogue.body);
    expect(text).toContain('parties Actor1, Actor2');
    expect(text).toMatch(/commitment \w+: Actor1 commits to Actor2 "[^"]*" due 2024-01-31 status proposed/);
  });
});

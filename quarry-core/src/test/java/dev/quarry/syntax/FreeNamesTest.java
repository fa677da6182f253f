package dev.quarry.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeNamesTest {
  private static FreeNames.Result free(Grammar g, String code) {
    try (SourceTree t = SourceTree.parse(g, code)) {
      return FreeNames.of(t);
    }
  }

  @Test
  void pythonFreeNamesExcludeDefinitionsParametersImportsAndBuiltins() {
    String code = """
        from fastapi import Depends as D
        import os.path

        @router.get("/v1/x", responses=error_responses(404))
        async def get_x(item_id: str, store: StoreDep, *args, limit: int = 10, **kw) -> Item:
            total = len(args)
            for i, (a, b) in enumerate(kw.items()):
                print(a.name, os.path.join(b))
            try:
                pass
            except NotFoundError as exc:
                raise HTTPException(status_code=404) from exc
            return [y for y in store.all() if (z := y.limit)] and f"{missing}" and "{not_code}"
        """;
    FreeNames.Result r = free(Grammar.PYTHON, code);
    assertThat(r.free().keySet()).containsExactly("router", "error_responses", "StoreDep", "Item", "NotFoundError",
        "HTTPException", "missing");
    assertThat(r.free()).containsEntry("router", 4).containsEntry("NotFoundError", 11);
    assertThat(r.bound()).contains("D", "os", "get_x", "item_id", "args", "kw", "limit", "total", "exc", "z");
  }

  @Test
  void typescriptFreeNamesExcludeDeclarationsPatternsTypesAndGlobals() {
    String code = """
        import { useState as useS } from "react";
        export function useThing<T extends Base>(options: Options<T> = {}, { a, b: renamed }: Pair): Result<T> {
          const [value, setValue] = useS<T | null>(null);
          const client = useClientOverride(options.client);
          const out = { value, client, fromOuter };
          for (const item of items) { console.log(item, renamed, a); }
          try { JSON.parse("x"); } catch (err) { throw new AcmeApiError(String(err)); }
          return out as Result<T>;
        }
        """;
    FreeNames.Result r = free(Grammar.TYPESCRIPT, code);
    assertThat(r.free().keySet()).containsExactly("Base", "Options", "Pair", "Result", "useClientOverride",
        "fromOuter", "items", "AcmeApiError");
  }

  @Test
  void jsxIntrinsicElementsAreNotNamesButComponentsAre() {
    String code = """
        export function Panel(props: Props) {
          return <div className="x"><ChatPanel client={props.client} /><Layout.Box>{label}</Layout.Box></div>;
        }
        """;
    FreeNames.Result r = free(Grammar.TSX, code);
    assertThat(r.free().keySet()).containsExactly("Props", "ChatPanel", "Layout", "label");
  }

  @Test
  void testRunnerGlobalsAreFreeButKnown() {
    FreeNames.Result r = free(Grammar.TYPESCRIPT, "describe('x', () => { it('y', () => expect(1).toBe(1)); });");
    assertThat(r.free().keySet()).containsExactly("describe", "it", "expect");
    assertThat(r.free().keySet()).allMatch(FreeNames::isTestGlobal);
  }
}

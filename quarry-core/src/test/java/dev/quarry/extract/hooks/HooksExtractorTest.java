package dev.quarry.extract.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.extract.code.ExtractorFixture;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import org.junit.jupiter.api.Test;

class HooksExtractorTest {
  @Test
  void countsEachHookOnceDespiteReExportsAndUsesItsRealShape() {
    var r = ExtractorFixture.run(new HooksExtractor(), "hooks/reexports");
    assertThat(r.symbols()).containsExactly("useToggle", "useUser", "useNothing", "useCounter");
    assertThat(r.examples()).extracting(e -> e.source().path()).containsExactly("src/hooks/useToggle.ts",
        "src/hooks/useUser.tsx", "src/hooks/useUser.tsx", "src/useCounter.ts");

    Example toggle = r.bySymbol("useToggle");
    assertThat(toggle.source().lines()).isEqualTo(new LineRange(4, 8));
    assertThat(toggle.messages().get(2).content()).contains("import useToggle from './useToggle';")
        .contains("const [on, toggle] = useToggle(initial);")
        .contains("onClick={() => toggle()}");

    Example user = r.bySymbol("useUser");
    assertThat(user.source().lines()).isEqualTo(new LineRange(4, 10));
    assertThat(user.messages().get(2).content()).contains("import { useUser } from './useUser';")
        .contains("const { user, reload } = useUser(id, options);")
        .contains("{ id: string; options?: { refresh?: boolean } }");
    assertThat(r.bySymbol("useNothing").messages().get(2).content()).contains("returns nothing");

    Example vue = r.bySymbol("useCounter");
    assertThat(vue.meta().get("ui_framework").asText()).isEqualTo("vue");
    assertThat(vue.messages().get(2).content()).contains("<script setup lang=\"ts\">")
        .contains("const { count, increment } = useCounter(props.start);");
    assertThat(vue.category()).isEqualTo("sdk");
  }

  @Test
  void aTypedDemoImportsFromThePackageAndCallsOnlyActionsItCanGiveTypedArguments() {
    var r = ExtractorFixture.run(new HooksExtractor(), "hooks/typed-result");
    String answer = r.bySymbol("useCart").messages().get(2).content();
    String demo = answer.substring(answer.lastIndexOf("```tsx"));

    assertThat(demo).contains("import { CartProvider, useCart } from '@shop/ui';")
        .contains("import type { CartItem, CartOptions, ShopApi } from '@shop/ui';")
        .contains("export function CartDemo<T extends CartItem = CartItem>({ shopId, options }: "
            + "{ shopId: string; options?: CartOptions })")
        // The generic result type CartResult<T> is read: an async action gets `void`, an array parameter `[]`.
        .contains("const { items, total, add, replace } = useCart(shopId, options);")
        .contains("onClick={() => void add(\"sku\")}")
        .contains("onClick={() => replace([])}")
        .contains("<pre>{JSON.stringify(items, null, 2)}</pre>")
        // merge needs a CartResult and onChange may be undefined: neither is called; two actions at most.
        .doesNotContain("merge").doesNotContain("onChange").doesNotContain("clear")
        // useCart reads the package's provider: the demo is rendered inside it, with its one required prop.
        .contains("export function App({ api }: { api: ShopApi }) {\n  return (\n    <CartProvider api={api}>\n"
            + "      <CartDemo shopId=\"shop id\" />\n    </CartProvider>\n  );\n}")
        .doesNotContain("theme=");
  }
}

package dev.quarry.eval.score;

import dev.quarry.eval.symbols.CodeBlock;
import dev.quarry.eval.symbols.EndpointPath;
import dev.quarry.eval.symbols.Names;
import dev.quarry.eval.symbols.SymbolIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the platform names an answer uses against the {@link SymbolIndex}. Thread-safe.
 *
 * <p>A <em>platform name</em> is an indexed endpoint path (matched as the same route), or an indexed hook,
 * symbol or definition that is compound ({@code create_collection}, {@code ChatClient}, {@code useChat}):
 * single plain words are too ambiguous to count, and private names ({@code _helper}) and test functions
 * ({@code test_…}) are not API.
 *
 * <p>A <em>hallucination</em> is a name that looks like the platform's but is nowhere in the index and is not
 * defined by the answer itself: a hook ({@code use[A-Z]…}, when the platform has hooks, other than React's and
 * common libraries' own); an endpoint path under {@code /v1/}, {@code /api/} or a first segment the platform
 * uses; or a compound name the answer's code calls, constructs or imports that is mostly made of the
 * platform's words ({@link SymbolIndex#soundsLikePlatform}).
 */
public final class Grounding {
  /** Hooks of React and common libraries: real, but not the platform's. */
  static final Set<String> FRAMEWORK_HOOKS = Set.of("useState", "useEffect", "useContext", "useReducer",
      "useCallback", "useMemo", "useRef", "useImperativeHandle", "useLayoutEffect", "useInsertionEffect",
      "useDebugValue", "useDeferredValue", "useTransition", "useId", "useSyncExternalStore", "useOptimistic",
      "useActionState", "useFormStatus", "useQuery", "useMutation", "useQueryClient", "useInfiniteQuery",
      "useRouter", "useParams", "useNavigate", "useLocation", "useSearchParams", "usePathname", "useSelector",
      "useDispatch", "useForm", "useSWR", "useTranslation");

  /**
   * One invented name.
   *
   * @param name the name as written
   * @param why which rule flagged it
   */
  public record Hallucination(String name, String why) {
    @Override
    public String toString() {
      return name + " (" + why + ")";
    }
  }

  /** Private helpers and test functions: real names, but not the API an answer is expected to use. */
  private static final java.util.regex.Pattern NOT_API = java.util.regex.Pattern.compile("_.*|test_.*|test[A-Z].*");

  private final SymbolIndex index;

  /** Grounding against {@code index}. */
  public Grounding(SymbolIndex index) {
    this.index = index;
  }

  /** The index checked against. */
  public SymbolIndex index() {
    return index;
  }

  /** The platform names {@code text} uses, endpoints in their indexed form, in order of appearance. */
  public Set<String> platformNames(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String p : EndpointPath.find(text)) {
      index.endpoint(p).ifPresent(out::add);
    }
    for (String id : Names.identifiers(text)) {
      if (index.isPlatformName(id) && Names.isCompound(id) && !NOT_API.matcher(id).matches()) {
        out.add(id);
      }
    }
    return out;
  }

  /** The names {@code answer} invents, in order of appearance. */
  public List<Hallucination> hallucinations(String answer) {
    List<Hallucination> out = new ArrayList<>();
    if (index.isEmpty()) {
      return out;
    }
    String code = CodeBlock.of(answer).isEmpty() ? answer : CodeBlock.allCode(answer);
    Set<String> defined = Names.definitions(code);
    Set<String> seen = new LinkedHashSet<>();
    if (!index.hooks().isEmpty()) {
      for (String hook : Names.hooks(answer)) {
        if (!index.knows(hook) && !defined.contains(hook) && !FRAMEWORK_HOOKS.contains(hook) && seen.add(hook)) {
          out.add(new Hallucination(hook, "hook not on the platform"));
        }
      }
    }
    for (String p : EndpointPath.find(answer)) {
      if (index.looksLikeEndpoint(p) && index.endpoint(p).isEmpty() && seen.add(p)) {
        out.add(new Hallucination(p, "endpoint not on the platform"));
      }
    }
    for (String name : Names.referenced(code)) {
      if (Names.isCompound(name) && !name.matches("use[A-Z].*") && !index.knows(name) && !defined.contains(name)
          && index.soundsLikePlatform(name) && seen.add(name)) {
        out.add(new Hallucination(name, "made of platform words but not on the platform"));
      }
    }
    return out;
  }
}

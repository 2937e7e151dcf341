package org.paperdigest.qa.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model told to answer from the text it is given often says in the answer what that text lacks: 「ただし、各データセ
 * ットでの具体的なスコアは与えられたテキストには記載がない。」. The caveat is true and the reader should see it, but not
 * as talk about our plumbing: such a clause leaves the answer and its subject becomes an item of {@code notStated}
 * (「各データセットでの具体的なスコア」), shown as 「※ …は論文中に記載がありません」. A leading 「与えられたテキストでは、」 is
 * dropped. Whatever else an answer says about the given text still gets it rejected ({@link GenericAnswers}).
 */
final class ContextCaveats {

    private static final String GIVEN = "(?:与えられた|提供された|渡された|上記の?)(?:文脈|コンテキスト|テキスト|情報|チャンク|抜粋|資料)"
            + "(?:（[^）]{0,40}）|\\([^)]{0,40}\\))?";
    private static final String ABSENT = "(?:中|内)?(?:に|で)?は?(?:記載|言及|明記|説明)(?:が|は)?"
            + "(?:ない|なく|ありません|されていない|されていません|されておらず)";
    /** 「[ただし、]Xは[、]与えられたテキストには記載がない。」 or the same inside brackets. */
    private static final Pattern CLAUSE = Pattern.compile(
            "(?<open>[（(])?(?:ただし|なお|一方|また)?、?(?<subject>[^。、（）()]{2,60}?)(?:について|に関して)?は、?" + GIVEN
                    + ABSENT + "[^。）)]{0,10}(?:(?<close>[）)])|。|$)");
    private static final Pattern LEADING = Pattern.compile("^" + GIVEN + "(?:では|によると|によれば|において)、?");

    private ContextCaveats() {
    }

    /** The answer without its caveats about the given text, and their subjects. */
    record Moved(String answer, List<String> notStated) {
    }

    static Moved move(String answer) {
        List<String> subjects = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = CLAUSE.matcher(answer);
        while (m.find()) {
            boolean bracketed = m.group("open") != null;
            if (bracketed != (m.group("close") != null)) {
                continue;
            }
            subjects.add(m.group("subject").strip());
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        String moved = LEADING.matcher(rest.toString().strip()).replaceFirst("").strip();
        return new Moved(moved, subjects);
    }
}

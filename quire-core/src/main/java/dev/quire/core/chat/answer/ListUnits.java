package dev.quire.core.chat.answer;

import dev.quire.core.ingest.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps lists whole for quoting: a lead-in ending with a colon ("Team members:") and the list
 * items under it become one unit, so an answer quotes the names together with what they are.
 */
final class ListUnits {
    private static final int MAX_LIST_CHARS = 800;
    private static final int MAX_BARE_ITEM_CHARS = 80;
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+•‣◦▪▫–—·]|\\d{1,3}[.)]|\\(\\d{1,3}\\))\\s");

    private ListUnits() {
    }

    static List<Sentence> mergeLists(String text, List<Sentence> sentences) {
        List<Sentence> units = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence lead = sentences.get(i);
            int last = i;
            if (lead.text().endsWith(":")) {
                while (last + 1 < sentences.size() && isItem(sentences.get(last + 1))
                        && sentences.get(last + 1).end() - lead.begin() <= MAX_LIST_CHARS) {
                    last++;
                }
            }
            Sentence end = sentences.get(last);
            units.add(last == i ? lead : new Sentence(lead.begin(), end.end(), text.substring(lead.begin(), end.end())));
            i = last;
        }
        return units;
    }

    /** A bulleted or numbered line, or a short line without closing punctuation ("John Doe"). */
    private static boolean isItem(Sentence sentence) {
        String s = sentence.text();
        if (LIST_MARKER.matcher(s).find()) {
            return true;
        }
        char last = s.charAt(s.length() - 1);
        return s.length() <= MAX_BARE_ITEM_CHARS && !s.contains("\n") && last != '.' && last != '!' && last != '?'
                && last != ':';
    }
}

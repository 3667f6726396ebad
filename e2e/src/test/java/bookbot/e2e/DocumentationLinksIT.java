package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every relative link in the README and in docs/ leads somewhere: the file exists and, when the link names a
 * section, the section (a heading, or an {@code <a id>}) is in it. Links inside code blocks are not links.
 */
class DocumentationLinksIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"></a>");

    @Test
    void everyRelativeLinkInTheReadmeAndDocsResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String target : links(page)) {
                String problem = problem(page, target);
                if (problem != null) {
                    broken.add(REPOSITORY.relativize(page) + ": " + target + " (" + problem + ")");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeIsALandingPage() throws IOException {
        assertThat(Files.readAllLines(REPOSITORY.resolve("README.md"))).hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void aSectionIsFoundByTheSlugGitHubGivesItsHeading() {
        assertThat(slug("Notion's rate limit, shared by all writers")).isEqualTo("notions-rate-limit-shared-by-all-writers");
        assertThat(slug("The CLI: `bookbot-admin dlq`")).isEqualTo("the-cli-bookbot-admin-dlq");
        assertThat(slug("Threads or processes?")).isEqualTo("threads-or-processes");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(REPOSITORY.resolve("README.md")));
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<String> links(Path page) throws IOException {
        List<String> links = new ArrayList<>();
        for (String line : prose(page)) {
            Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (link.find()) {
                String target = link.group(1);
                if (!target.matches("^[a-z]+:.*")) {
                    links.add(target);
                }
            }
        }
        return links;
    }

    /** Why the link leads nowhere, or null. */
    private static String problem(Path page, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!resolved.startsWith(REPOSITORY)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (hash >= 0 && !sections(resolved).contains(target.substring(hash + 1))) {
            return "no such section";
        }
        return null;
    }

    private static Set<String> sections(Path page) throws IOException {
        Set<String> sections = new HashSet<>();
        for (String line : prose(page)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                sections.add(slug(heading.group(1)));
            }
            Matcher anchor = ANCHOR.matcher(line);
            while (anchor.find()) {
                sections.add(anchor.group(1));
            }
        }
        return sections;
    }

    /** The page's lines outside code blocks: what a reader sees as text, links and headings. */
    private static List<String> prose(Path page) throws IOException {
        List<String> prose = new ArrayList<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode) {
                prose.add(line);
            }
        }
        return prose;
    }

    /** GitHub's: lower case, punctuation dropped (letters of any script, digits, '-' and '_' kept), spaces to '-'. */
    private static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\- _]", "").replace(' ', '-');
    }
}

package io.factlint.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.factlint.check.CheckOutcome;
import io.factlint.model.CheckResult;
import io.factlint.model.Claim;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Fact;
import io.factlint.model.Story;
import io.factlint.model.Verdict;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code --format claimreview}: schema.org ClaimReview JSON-LD, one review per claim (docs/reports.md). The
 * rating scale, 1–5:
 * <pre>
 * 1 False          contradicted on both readings
 * 2 Mostly false   contradicted, strict reading undetermined
 * 3 Unproven       undetermined (or the readings disagree otherwise)
 * 4 Mostly true    supported, strict reading undetermined
 * 5 True           supported on both readings
 * </pre>
 * The reviewing newsroom ({@code author}) and the stories' address come from the environment, read once when
 * the writer is made: {@code FACTLINT_NEWSROOM} (default "factlint"), {@code FACTLINT_NEWSROOM_URL}, and
 * {@code FACTLINT_STORY_URL} with {@code {story}} for the story id ({@code https://news.example/{story}}); without
 * it a review's url is {@code urn:factlint:STORY#CLAIM}.
 */
public final class ClaimReviewWriter implements ReportWriter {
    private final Newsroom newsroom;

    public ClaimReviewWriter(Newsroom newsroom) {
        this.newsroom = newsroom;
    }

    /** Who publishes the reviews, and where the stories are. */
    public record Newsroom(String name, String url, String storyUrl) {
        public static Newsroom fromEnvironment(Map<String, String> env) {
            String name = env.get("FACTLINT_NEWSROOM");
            return new Newsroom(name == null || name.isBlank() ? "factlint" : name, blankToNull(env.get("FACTLINT_NEWSROOM_URL")),
                    blankToNull(env.get("FACTLINT_STORY_URL")));
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }

        String storyUrl(String story) {
            return storyUrl == null ? null : storyUrl.replace("{story}", java.net.URLEncoder.encode(story,
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }

    @Override
    public Format format() {
        return Format.CLAIMREVIEW;
    }

    @Override
    public void write(CheckOutcome outcome, ReportOptions options, OutputStream out) throws IOException {
        JsonReportWriter.MAPPER.writeValue(out, reviews(outcome.result()));
        out.write('\n');
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Review(@JsonProperty("@context") String context, @JsonProperty("@type") String type, String url,
                         String claimReviewed, Rating reviewRating, ItemReviewed itemReviewed, Organization author,
                         String datePublished) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rating(@JsonProperty("@type") String type, int ratingValue, int bestRating, int worstRating,
                         String alternateName, String ratingExplanation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemReviewed(@JsonProperty("@type") String type, Organization author, String datePublished,
                               Appearance appearance) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Appearance(@JsonProperty("@type") String type, String headline, String datePublished, String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organization(@JsonProperty("@type") String type, String name, String url) {
    }

    /** The reviews in report order (the claims' order). */
    List<Review> reviews(CheckResult r) {
        return r.verdicts().stream().map(v -> review(r, v)).toList();
    }

    /** The rating of a verdict on the scale above. */
    public static int rating(ClaimVerdict v) {
        Verdict c = v.verdict(), s = v.strictVerdict();
        if (c == Verdict.CONTRADICTED) return s == Verdict.CONTRADICTED ? 1 : s == Verdict.UNDETERMINED ? 2 : 3;
        if (c == Verdict.SUPPORTED) return s == Verdict.SUPPORTED ? 5 : s == Verdict.UNDETERMINED ? 4 : 3;
        return 3;
    }

    static final List<String> NAMES = List.of("False", "Mostly false", "Unproven", "Mostly true", "True");

    private Review review(CheckResult r, ClaimVerdict v) {
        Claim c = v.claim();
        Story story = r.facts().story(c.storyId());
        String storyUrl = newsroom.storyUrl(c.storyId());
        String url = (storyUrl != null ? storyUrl : "urn:factlint:" + c.storyId().replace(' ', '-')) + "#" + c.id();
        String date = story == null || story.published() == null ? null : story.published().startDay().toString();
        TreeSet<String> sources = new TreeSet<>();
        for (Fact f : v.facts()) sources.add(r.facts().sourceName(f.getSource()));
        Organization claimAuthor = sources.isEmpty() ? org(newsroom.name(), newsroom.url())
                : org(String.join(", ", sources), null);
        Appearance appearance = story == null || !story.hasStory() ? null
                : new Appearance("CreativeWork", story.headline(), date, storyUrl);
        int rating = rating(v);
        return new Review("https://schema.org", "ClaimReview", url, c.wording(),
                new Rating("Rating", rating, 5, 1, NAMES.get(rating - 1), v.reason()),
                new ItemReviewed("Claim", claimAuthor, date, appearance), org(newsroom.name(), newsroom.url()), date);
    }

    private static Organization org(String name, String url) {
        return new Organization("Organization", name, url);
    }
}

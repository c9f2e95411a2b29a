package io.factlint.model;

/**
 * One article. {@code text} is the article body when the story names a text file (null otherwise);
 * {@code published} is null for a file without a story (a data set), whose id is the file name.
 */
public record Story(String id, String headline, When published, String textFile, String text, String file,
                    Location location) {

    public boolean hasStory() {
        return published != null;
    }
}

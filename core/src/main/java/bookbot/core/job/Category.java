package bookbot.core.job;

import static bookbot.core.job.BookJob.requireText;

/**
 * A sub-category with the group it belongs to. The group travels with the name because a name alone
 * does not always identify its group.
 */
public record Category(String group, String name) {

    public Category {
        requireText(group, "category.group");
        requireText(name, "category.name");
    }
}

#include "placeholderdata.h"

#include "loremtext.h"

#include <string>

namespace chaoslab::demo {

namespace {

// Items are spread evenly over their owners: todos 1-20 belong to user 1, 21-40 to user 2.
int ownerOf(int id, int itemsPerOwner)
{
    return (id - 1) / itemsPerOwner + 1;
}

Json makeTodo(int id)
{
    SeededSequence sequence("todos", id);
    Json todo;
    todo["userId"] = ownerOf(id, 20);
    todo["id"] = id;
    todo["title"] = loremWords(sequence, 2, 8);
    todo["completed"] = sequence.chance(45);
    return todo;
}

Json makePost(int id)
{
    SeededSequence sequence("posts", id);
    Json post;
    post["userId"] = ownerOf(id, 10);
    post["id"] = id;
    post["title"] = loremWords(sequence, 3, 10);
    post["body"] = loremLines(sequence, 4);
    return post;
}

Json makeComment(int id)
{
    SeededSequence sequence("comments", id);
    Json comment;
    comment["postId"] = ownerOf(id, 5);
    comment["id"] = id;
    comment["name"] = loremWords(sequence, 3, 8);
    comment["email"] = loremWords(sequence, 1, 1) + "." + std::to_string(id) + "@example.com";
    comment["body"] = loremLines(sequence, 4);
    return comment;
}

Json makeAlbum(int id)
{
    SeededSequence sequence("albums", id);
    Json album;
    album["userId"] = ownerOf(id, 10);
    album["id"] = id;
    album["title"] = loremWords(sequence, 2, 7);
    return album;
}

} // namespace

const std::vector<Collection>& placeholderCollections()
{
    static const std::vector<Collection> collections = {
        { "todos", 200, "userId", "users", makeTodo },
        { "posts", 100, "userId", "users", makePost },
        { "comments", 500, "postId", "posts", makeComment },
        { "albums", 100, "userId", "users", makeAlbum },
        { "users", 10, {}, {}, makeUser },
    };
    return collections;
}

const Collection* findCollection(std::string_view name)
{
    for (const auto& collection : placeholderCollections()) {
        if (collection.name == name)
            return &collection;
    }
    return nullptr;
}

} // namespace chaoslab::demo

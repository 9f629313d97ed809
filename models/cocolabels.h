#pragma once
// The 80 COCO object classes in the order the default CenterNet model emits them. These English keys
// are also the keys of resources/tags.json, which holds their names in other languages.

#include <QStringList>

namespace shoebox {

inline QStringList cocoLabels()
{
    return {
        QStringLiteral("person"), QStringLiteral("bicycle"), QStringLiteral("car"), QStringLiteral("motorcycle"),
        QStringLiteral("airplane"), QStringLiteral("bus"), QStringLiteral("train"), QStringLiteral("truck"),
        QStringLiteral("boat"), QStringLiteral("traffic light"), QStringLiteral("fire hydrant"), QStringLiteral("stop sign"),
        QStringLiteral("parking meter"), QStringLiteral("bench"), QStringLiteral("bird"), QStringLiteral("cat"),
        QStringLiteral("dog"), QStringLiteral("horse"), QStringLiteral("sheep"), QStringLiteral("cow"),
        QStringLiteral("elephant"), QStringLiteral("bear"), QStringLiteral("zebra"), QStringLiteral("giraffe"),
        QStringLiteral("backpack"), QStringLiteral("umbrella"), QStringLiteral("handbag"), QStringLiteral("tie"),
        QStringLiteral("suitcase"), QStringLiteral("frisbee"), QStringLiteral("skis"), QStringLiteral("snowboard"),
        QStringLiteral("sports ball"), QStringLiteral("kite"), QStringLiteral("baseball bat"), QStringLiteral("baseball glove"),
        QStringLiteral("skateboard"), QStringLiteral("surfboard"), QStringLiteral("tennis racket"), QStringLiteral("bottle"),
        QStringLiteral("wine glass"), QStringLiteral("cup"), QStringLiteral("fork"), QStringLiteral("knife"),
        QStringLiteral("spoon"), QStringLiteral("bowl"), QStringLiteral("banana"), QStringLiteral("apple"),
        QStringLiteral("sandwich"), QStringLiteral("orange"), QStringLiteral("broccoli"), QStringLiteral("carrot"),
        QStringLiteral("hot dog"), QStringLiteral("pizza"), QStringLiteral("donut"), QStringLiteral("cake"),
        QStringLiteral("chair"), QStringLiteral("couch"), QStringLiteral("potted plant"), QStringLiteral("bed"),
        QStringLiteral("dining table"), QStringLiteral("toilet"), QStringLiteral("tv"), QStringLiteral("laptop"),
        QStringLiteral("mouse"), QStringLiteral("remote"), QStringLiteral("keyboard"), QStringLiteral("cell phone"),
        QStringLiteral("microwave"), QStringLiteral("oven"), QStringLiteral("toaster"), QStringLiteral("sink"),
        QStringLiteral("refrigerator"), QStringLiteral("book"), QStringLiteral("clock"), QStringLiteral("vase"),
        QStringLiteral("scissors"), QStringLiteral("teddy bear"), QStringLiteral("hair drier"), QStringLiteral("toothbrush"),
    };
}

}  // namespace shoebox

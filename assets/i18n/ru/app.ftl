# app: оболочка окна (src/app: mod, view, results, charts, files, state,
# command, recovery, notes, widgets, entry, scenario).

## Разделы и нижние вкладки

app-section-general = Общие сведения
app-section-facilities = Объекты
app-section-products = Продукция и цены
app-section-fiscal = Налоги и платежи
app-section-support = Меры поддержки
app-section-financing = Финансирование
app-section-sources = Источники
app-section-scenarios = Сценарии
app-section-compare = Сравнение вариантов поддержки
app-section-risk = Риски
app-tab-ledger = Денежные потоки
app-tab-cash-flow = Денежный поток
app-tab-prices = Цены
app-tab-npv-profile = Профиль ЧДД
app-tab-unit-cost = Себестоимость

## Окно, запуск

app-title = { $name }{ $mark } — Assay
app-title-not-saved = { $name } (не сохранён в файл)
app-error-example-unreadable = Не удалось прочитать встроенный пример
app-error-could-not-open = Не удалось открыть { $path }
app-error-could-not-save = Не удалось сохранить { $path }
app-error-could-not-export = Не удалось экспортировать { $path }
app-error-syntax-hint = Файл с синтаксической ошибкой открыть нельзя: исправьте эту строку в текстовом редакторе.
app-no-window = assay: не удалось открыть окно: { $error }
app-no-window-cli = assay: командная строка по-прежнему работает: assay report FILE.ron (см. assay --help)

## Меню

app-menu-file = Файл
app-menu-new = Создать
app-menu-new-from-template = Создать по шаблону
app-menu-open = Открыть…
app-menu-open-recent = Недавние файлы
app-menu-no-recent = Недавних файлов нет
app-menu-save = Сохранить
app-menu-save-as = Сохранить как…
app-menu-export = Экспорт
app-menu-export-xlsx = Книга Excel…
app-menu-export-pdf = Отчёт PDF…
app-menu-quit = Выход
app-menu-edit = Правка
app-menu-undo = Отменить
app-menu-undo-named = Отменить: { $what }
app-menu-redo = Повторить
app-menu-redo-named = Повторить: { $what }
app-menu-view = Вид
app-menu-language = Язык (Language)
app-menu-theme = Тема
app-menu-theme-system = Как в системе
app-menu-theme-light = Светлая
app-menu-theme-dark = Тёмная
app-menu-panels = Панели (ширину меняйте, перетаскивая край)
app-menu-outline = Структура проекта
app-menu-results-cards = Карточки результатов
app-menu-lower-panel = Нижняя панель
app-menu-help = Справка
app-undo-hint = Отменить ({ $keys })
app-redo-hint = Повторить ({ $keys } или { $other })
app-hide-outline = Скрыть структуру
app-show-outline = Показать структуру
app-outline-hint = Структура проекта слева (также Вид → Панели)
app-hide-cards = Скрыть карточки
app-show-cards = Показать карточки
app-cards-hint = Карточки результатов справа (также Вид → Панели)

## Строка состояния

app-status-no-file = встроенный пример / не сохранён в файл
app-status-unsaved = есть несохранённые изменения
app-status-saved = сохранено

## Структура и варианты

app-cases-heading = Показываемый и редактируемый вариант
app-base-case = Базовый вариант
app-base-case-hint = Исходные данные как введены
app-no-name = (без названия)
app-scenario-no-changes = Пока не отличается от базового варианта.
app-scenario-overrides = Изменяет: { $list }.
app-scenario-new = Новый
app-scenario-new-hint = Новый сценарий на текущих исходных данных (пока без изменений)
app-scenario-duplicate = Копировать
app-scenario-duplicate-hint = Копия выбранного сценария
app-scenario-delete = Удалить
app-scenario-delete-hint = Удалить выбранный сценарий (команда «Отменить» вернёт его)
app-outline-heading = Структура проекта
app-outline-problems = { $n ->
    [one] { $n } ошибка
    [few] { $n } ошибки
    [many] { $n } ошибок
   *[other] { $n } ошибки
}
app-outline-problems-hint = ошибки в этом разделе
app-overridden = изменено
app-overridden-hint = «{ $name }» изменяет: { $list }
app-outline-main-product = { $name } (основной)
app-stale-lower = показана последняя корректная модель

## Диалоги

app-ok = ОК
app-save = Сохранить
app-open = Открыть
app-discard = Не сохранять
app-cancel = Отмена
app-export = Экспортировать
app-dialog-unchanged = Открытый проект не изменён.
app-unsaved-heading = Несохранённые изменения
app-export-pdf-title = Экспорт отчёта PDF
app-export-xlsx-title = Экспорт книги Excel
app-no-file-dialog = Диалог выбора файла на этом рабочем столе открыть не удалось (нет XDG desktop portal и нет zenity). Введите путь к файлу:
app-export-pdf-hint = /путь/к/отчёту.pdf
app-export-xlsx-hint = /путь/к/книге.xlsx
app-export-path = Путь для экспорта
app-path-save-title = Сохранить как
app-path-open-title = Открыть
app-path-hint = /путь/к/проекту.ron
app-file-path = Путь к файлу
app-recovery-heading = Восстановлена несохранённая работа
app-recovery-newer = Резервная копия файла { $path } новее самого файла.
app-recovery-newer-unsaved = Найдена резервная копия проекта, не сохранённого в файл.
app-recovery-copy-time = Резервная копия: { $time }
app-recovery-saved-time = Сохранённый файл: { $time }
app-recovery-saved-none = Сохранённый файл: нет
app-recovery-restore = Восстановить
app-recovery-open-saved = Открыть сохранённый файл
app-recovery-start-without = Начать без неё

## Правки (их называет меню «Отменить»), новые элементы, вопрос о несохранённом

app-list-noun = { $list ->
    [facilities] объект
    [products] продукт
   *[support] мера поддержки
}
app-undo-add = { $list ->
    [facilities] добавление объекта
    [products] добавление продукта
   *[support] добавление меры поддержки
}
app-undo-remove = { $list ->
    [facilities] удаление объекта
    [products] удаление продукта
   *[support] удаление меры поддержки
}
app-undo-duplicate = { $list ->
    [facilities] копирование объекта
    [products] копирование продукта
   *[support] копирование меры поддержки
}
app-undo-move = { $list ->
    [facilities] перемещение объекта
    [products] перемещение продукта
   *[support] перемещение меры поддержки
}
app-undo-new-scenario = новый сценарий
app-undo-duplicate-scenario = копирование сценария
app-undo-delete-scenario = удаление сценария
app-undo-revert = возврат к базовому варианту: { $part }
app-undo-in-scenario = { $what } в сценарии «{ $name }»
app-new-facility = Новый объект
app-new-product = Новый продукт
app-new-operating-subsidy = Новая операционная субсидия
app-new-scenario = Новый сценарий
app-copy-name = { $name } (копия)
app-unsaved-before-new = В проекте «{ $name }» есть несохранённые изменения. Сохранить их перед созданием нового проекта?
app-unsaved-before-open = В проекте «{ $name }» есть несохранённые изменения. Сохранить их перед открытием другого проекта?
app-unsaved-before-open-path = В проекте «{ $name }» есть несохранённые изменения. Сохранить их перед открытием { $path }?
app-unsaved-before-close = В проекте «{ $name }» есть несохранённые изменения. Сохранить их перед закрытием?
app-status-new-project = Новый проект
app-status-new-from-template = Новый проект по шаблону «{ $name }»: все его цифры — условные
app-status-opened = Открыт { $path }
app-status-opened-problems = Открыт { $path }: { $n ->
    [one] { $n } ошибка
    [few] { $n } ошибки
    [many] { $n } ошибок
   *[other] { $n } ошибки
} к исправлению

## Шаблоны (Файл → Создать по шаблону). Название и описание проекта
## составляются на языке, действующем в момент создания.

app-template-blank = Пустой проект
app-template-mine-plant = Рудник + обогатительная фабрика
app-template-plant-only = Фабрика на покупном сырье
app-template-blank-hint = Одна фабрика и один продукт, круглые условные цифры для замены
app-template-mine-plant-hint = Рудник и фабрика на одной площадке, роялти с выручки; условные цифры
app-template-plant-only-hint = Одна фабрика; покупное сырьё входит в её переменные затраты на единицу; условные цифры
app-template-assumptions = Все цифры здесь — условные допущения, а не данные: замените каждую своей (капитальные вложения, операционные затраты, выпуск, цены, налоги), прежде чем читать результаты.
app-template-untitled = Без названия
app-template-blank-description = Шаблон: одна фабрика и один продукт. Допущения: капитальные вложения { $capex } { $usd } в { $year } г., постоянные операционные затраты { $opex } { $usd } в год, { $output } т в год по { $price } { $usd }/т, переменные затраты { $variable } { $usd }/т, налог на прибыль 25 %. { $assumptions }
app-template-plant = Фабрика
app-template-main-product = Основной продукт
app-template-mine-plant-name = Рудник и фабрика
app-template-mine-plant-description = Шаблон: карьер, питающий обогатительную фабрику на той же площадке; строительство два года с { $year } г., выпуск с { $producing } г. Допущения: капитальные вложения, операционные затраты, выпуск { $output } т в год с освоением мощности за три года, неизменная цена { $price } { $usd }/т при цене импорта { $import } { $usd }/т, роялти 6 % выручки, налог на прибыль 25 %. { $assumptions }
app-template-mine = Карьер (допущение)
app-template-processing-plant = Обогатительная фабрика (допущение)
app-template-main-product-assumption = Основной продукт (допущение)
app-template-royalty = Роялти (допущение)
app-template-plant-name = Обогатительная фабрика
app-template-plant-description = Шаблон: одна обогатительная фабрика на покупном сырье, строительство в { $year } г., выпуск с { $producing } г. Допущения: капитальные вложения, операционные затраты, { $output } т продукции в год, сырьё по { $feed } { $usd } на т продукции (в переменных затратах на единицу, вместе с реагентами и энергией на { $reagents }), неизменная цена { $price } { $usd }/т при цене импорта { $import } { $usd }/т, без роялти (фабрика ничего не добывает), налог на прибыль 25 %. { $assumptions }

## Работа с файлами

app-job-dialog = открыт диалог выбора файла
app-job-saving = идёт сохранение
app-job-exporting-report = идёт экспорт отчёта
app-job-exporting-workbook = идёт экспорт книги
app-job-wait = Подождите: { $running }; одновременно выполняется только одна операция с файлом
app-job-no-thread = не удалось запустить рабочий поток: { $error }
app-dialog-open-title = Открыть проект Assay
app-dialog-save-title = Сохранить проект Assay как
app-filter-project = Проект Assay
app-filter-all = Все файлы
app-filter-pdf = Отчёт PDF
app-filter-xlsx = Книга Excel
app-autosave-failed = assay: автосохранение не удалось: { $error }
app-autosave-no-thread = assay: автосохранение не запустилось: { $error }
app-status-restored = Резервная копия восстановлена: сохраните проект, чтобы её не потерять
app-status-exported = Экспортировано: { $path }
app-status-drop-ron = Перетащите файл проекта Assay (.ron), чтобы открыть его
app-recovery-file-header = Резервная копия Assay для { $path }
app-recovery-file-header-unsaved = Резервная копия Assay (проект не сохранён в файл)
app-time-utc = { $date } { $time } UTC
app-time-before-1970 = до 1970 г.
app-timing-first-frame = assay: первый кадр через { $ms } мс

## Результаты: названия и определения показателей (карточки, «прочие
## показатели» и окно сравнения через app::results::definition)

app-metric-npv = { term-npv }
app-metric-irr = { term-irr }
app-metric-payback = Срок окупаемости
app-metric-unit-cost = Себестоимость и цена импорта
app-metric-breakeven = Цена безубыточности
app-metric-required-support = Необходимая поддержка
app-metric-mirr = { term-mirr }
app-metric-pi = Индекс доходности
app-metric-peak-funding = Пиковая потребность в финансировании
app-metric-npv-at-benchmark = ЧДД при цене импорта
app-metric-equity-npv = ЧДД собственного капитала
app-metric-equity-irr = ВНД собственного капитала
app-metric-min-dscr = Минимальный DSCR
app-the-main-product = основного продукта
app-def-npv = Чистый дисконтированный доход по денежному потоку проекта (без учёта заёмного финансирования, после налогов): ЧДД = Σ CF_t / (1 + r)^t, где CF_t — чистый денежный поток года t.
app-def-irr =
    Внутренняя норма доходности: ставка r > −1, при которой ЧДД(r) = 0. Приводятся все корни в интервале (−99 %, 1000 %); у денежного потока, знак которого меняется более одного раза, их может быть несколько, и такой поток отмечается как неординарный. Если корня нет, значение не показывается — никогда не показывается число, не являющееся корнем. Каждый корень проверяется по таблице денежных потоков в десятичной арифметике.
    Соглашение о дисконтировании сдвигает все годы на одну и ту же величину, поэтому корни от него не зависят.
app-def-payback = Число лет от года Y0 ({ $year }) до момента, когда накопленный недисконтированный денежный поток окончательно становится неотрицательным, с линейной интерполяцией внутри года; «никогда», если этого не происходит. Дисконтированный срок окупаемости — то же по дисконтированному потоку.
app-def-unit-cost =
    Приведённая себестоимость единицы продукции «{ $main }» до учёта поддержки (поддержка не вычитается; льгота по налогу на прибыль уже учтена в налоге): ПС(всех затрат: капитальные вложения, операционные затраты, роялти, налоги, ликвидация) за вычетом ПС(выручки от попутной продукции), делённая на ПС(выпуска продукции «{ $main }»); дисконтирование — как для ЧДД.
    Цена импорта: ориентирная (импортная) цена продукции «{ $main }», усреднённая по годам с весами, равными ПС выпуска.
app-def-breakeven =
    Цена безубыточности: неизменная реальная цена продукции «{ $main }» за весь срок проекта, при которой ЧДД = 0, при прочих данных как введены (находится методом с разделением интервала и проверяется по таблице в десятичной арифметике; нет, если ни одна цена в широком интервале не даёт ЧДД = 0).
    Ценовой разрыв = цена безубыточности − ориентирная цена импорта, в абсолютном выражении и в долях цены импорта.
app-def-required-support = Необходимая поддержка: наименьшая постоянная ежегодная операционная субсидия в годы выпуска (не облагаемая налогом), при которой ЧДД = 0, если продукция «{ $main }» продаётся по ориентирной цене импорта; и равноценная ей субсидия на { $unit } продукции «{ $main }». Ноль, если при цене импорта ЧДД не отрицателен.
app-def-mirr = Модифицированная ВНД: (БС положительных потоков по ставке реинвестирования / ПС отрицательных потоков по ставке финансирования)^(1/(n−1)) − 1; обе ставки равны норме дисконта.
app-def-pi = 1 + ЧДД / ПС(капитальных вложений), дисконтирование — как для ЧДД.
app-def-peak-funding = Наибольшее по модулю отрицательное значение накопленного недисконтированного денежного потока: средства, которые должны найти инициаторы проекта.
app-def-npv-at-benchmark = ЧДД при продаже основного продукта по ориентирной цене импорта.
app-def-equity-npv = ЧДД инвестора: ЧДД потока собственного капитала (после обслуживания долга и льготных займов) по норме дисконта проекта. Без долга поток собственного капитала равен потоку проекта, и это ЧДД проекта; с коммерческим долгом или льготным займом это ЧДД собственного капитала. Льготный заём или субсидирование процентов не меняют ЧДД проекта и видны только здесь.
app-def-equity-irr = ВНД потока собственного капитала (без долга — ВНД проекта).
app-def-min-dscr = Наименьшее отношение денежного потока, доступного для обслуживания долга, к платежам по долгу за годы обслуживания долга.
app-def-after-support = С учётом поддержки: та же себестоимость за вычетом ПС денежной поддержки, получаемой проектом (операционная поддержка, капитальные гранты), на единицу ПС выпуска. Капитальный грант может повысить себестоимость до учёта поддержки: если он уменьшает амортизируемую базу, амортизация снижается, а учитываемый в себестоимости налог растёт.
app-several-roots-link = Что значат несколько корней?
app-several-roots-text = Денежный поток меняет знак более одного раза (например, вложения, затем прибыль, затем крупные затраты на ликвидацию), поэтому ЧДД может обращаться в ноль при нескольких нормах дисконта: каждая такая точка — это ВНД. Ни одна из них не является «той самой» доходностью, и ни одна сама по себе не говорит, окупается ли проект. Надёжные ориентиры здесь — ЧДД при норме дисконта и МВНД (одна ставка; реинвестирование и финансирование по норме дисконта); график профиля ЧДД показывает, где ЧДД пересекает ноль.
app-convention = Норма дисконта r = { $rate } ({ $basis ->
    [real] в постоянных ценах
   *[nominal] в текущих ценах
}, { $currency }); дисконтирование: { $convention }.
app-convention-short = { $convention ->
    [start] на начало года
    [mid] на середину года
   *[end] на конец года
}

## Результаты: карточки

app-none = нет
app-never = никогда
app-irr-roots = неординарный денежный поток: корни { $roots }
app-irr-non-conventional = неординарный денежный поток (знак меняется более одного раза)
app-irr-none = ВНД нет: { $why }
app-card-npv-detail = при { $rate }, { $convention }
app-card-payback-detail = от { $year } г.; дисконтированный: { $discounted }
app-card-unit-cost-detail = до учёта поддержки; цена импорта { $import }
app-card-gap-share = разрыв с ценой импорта { $gap } ({ $share })
app-card-gap = разрыв с ценой импорта { $gap }
app-card-no-gap = ценового разрыва нет
app-card-per-year = { $amount } в год
app-card-required-per-unit = или { $amount } продукции «{ $main }»
app-card-after-support = с учётом поддержки: { $cost }

## Результаты: панель, ошибки, таблица денежных потоков

app-results-heading = Результаты
app-results-scenario = сценарий «{ $name }»
app-results-summary = { $name }: { $first }–{ $last } гг., { $basis ->
    [real] постоянные цены
   *[nominal] текущие цены
}, { $currency }, норма дисконта { $rate }, { $convention }. Основной продукт: { $main } (на { $unit }).
app-results-notes = Как получены цифры ({ $n ->
    [one] { $n } примечание
    [few] { $n } примечания
    [many] { $n } примечаний
   *[other] { $n } примечания
})
app-stale = последний корректный результат
app-stale-hint = Введённое значение отклонено или в проекте есть ошибка (перечислены красным): до её исправления показаны цифры последней корректной модели.
app-not-computed-engine = Не рассчитано: расчётный модуль отклонил проект (см. выше)
app-not-computed = Не рассчитано: { $n ->
    [one] { $n } ошибка
    [few] { $n } ошибки
    [many] { $n } ошибок
   *[other] { $n } ошибки
} к исправлению
app-problems-last-valid = В проекте { $n ->
    [one] { $n } ошибка
    [few] { $n } ошибки
    [many] { $n } ошибок
   *[other] { $n } ошибки
}; ниже — результаты последней корректной модели:
app-problems-no-results = В проекте { $n ->
    [one] { $n } ошибка
    [few] { $n } ошибки
    [many] { $n } ошибок
   *[other] { $n } ошибки
}; результатов пока нет:
app-refused = { $place }: не принято: { $why }
app-ledger-caption = Денежные потоки по годам, { $currency } ({ $basis ->
    [real] постоянные цены
   *[nominal] текущие цены
}); затраты в своих строках — положительные числа, знак несут строки денежного потока.
app-ledger-line = Статья
app-ledger-unit = Ед.
app-ledger-factor = коэфф.
app-ledger-total = Итого
app-ledger-overflow = переполнение

## Графики

app-chart-year = Год
app-chart-millions = млн { $currency }
app-chart-millions-basis = { $unit } ({ $basis ->
    [real] постоянные цены
   *[nominal] текущие цены
})
app-chart-percent = { $n } %
app-chart-cash-flow-title = Денежный поток проекта по годам
app-chart-cash-flow-sub = Чистый денежный поток проекта (после налогов, до финансирования), { $unit }, { $basis ->
    [real] постоянные цены
   *[nominal] текущие цены
}; столбцы — по годам, линия — накопленный итог. Наведите курсор, чтобы увидеть значения.
app-chart-project-cash-flow = Денежный поток проекта
app-chart-cumulative = Накопленный денежный поток
app-chart-import-same = Цена импорта (ориентир): совпадает с ценой продажи
app-chart-import-equal-in = Цена импорта (ориентир): совпадает с ценой продажи в { $equal } из { $n ->
    [one] { $n } года
   *[other] { $n } лет
}
app-chart-import = Цена импорта (ориентир)
app-chart-prices-title = { $main }: цена, цена импорта и цена безубыточности
app-chart-prices-sub = { $unit }, { $basis ->
    [real] постоянные цены
   *[nominal] текущие цены
}. Цена безубыточности — неизменная цена, при которой ЧДД = 0. Наведите курсор, чтобы увидеть значения.
app-chart-from-zero = ось Y от нуля
app-chart-from-zero-hint = Начинать ось цен с нуля (иначе она подбирается по ценам)
app-chart-selling-price = Цена продажи
app-chart-breakeven = Цена безубыточности { $price } { $unit }
app-chart-npv-title = Профиль ЧДД
app-chart-npv-sub = ЧДД денежного потока проекта при разных нормах дисконта, { $unit }; дисконтирование: { $convention }. Корни ВНД — точки, где кривая пересекает ноль.
app-chart-roots-outside = Корни вне показанного диапазона: { $roots }.
app-chart-rate-axis = Норма дисконта, % в год
app-chart-npv-hover = ставка { $rate }: ЧДД { $npv } { $unit }
app-chart-rate-hover = ставка { $rate }
app-chart-discount-rate = Норма дисконта { $rate }
app-chart-npv-at-rate = ЧДД при норме дисконта: { $npv } { $unit }
app-chart-irr-root = ВНД { $rate }
app-chart-step-capital = Возмещение капитала
app-chart-step-opex = Операционные затраты
app-chart-step-taxes = Роялти и налоги
app-chart-step-credit = Попутная продукция
app-chart-step-total = Себестоимость
app-chart-step-hover = { $step }: { $delta } { $unit }
    нарастающий итог { $total } { $unit }
app-chart-unit-cost-title = { $main }: структура себестоимости и цена импорта
app-chart-unit-cost-sub = Приведённая, { $unit }: каждая часть — её ПС, делённая на ПС выпуска (дисконтирование как для ЧДД). Попутная продукция идёт в зачёт. Наведите курсор, чтобы увидеть значения.
app-chart-no-unit-cost = Себестоимости нет: у основного продукта нет выпуска.
app-chart-import-price = Цена импорта
app-chart-no-results = Результатов пока нет: проект ещё ни разу не был корректным.

## Примечания и источники

app-undo-note = примечание
app-undo-remove-note = удаление примечания
app-note-edit = Изменить примечание…
app-note-remove = Удалить примечание
app-note-add = Добавить примечание…
app-note-unknown-source = [{ $key }] нет в списке источников
app-note-editor-title = Примечание: { $place }
app-note-text = Текст примечания
app-note-no-sources = Источников пока нет: добавьте их в разделе «Источники».
app-note-sources-cited = Источники, на которые ссылается примечание
app-note-save = Сохранить примечание
app-sources-intro = Примечания ссылаются на источники по ключу. Чтобы добавить примечание, щёлкните поле правой кнопкой мыши.
app-source-add = Добавить источник
app-undo-add-source = добавление источника
app-notes-heading = Примечания
app-source-key = Ключ
app-source-title = Название
app-source-publisher = Издатель или сайт, дата
app-source-address = Адрес
app-source-remove = Удалить источник [{ $key }]
app-undo-remove-source = удаление источника
app-undo-source-field = источник: { $field }
app-notes-none = Примечаний пока нет.
app-remove = Удалить

## Поля ввода

app-series-paste-hint = (вставьте в ячейку строку или столбец из электронной таблицы, чтобы заполнить значения начиная с этого года)
app-entry-not-percent = это поле не в процентах; введите обычное число
app-entry-negative = не может быть отрицательным
app-entry-at-most = должно быть не больше { $max }
app-entry-between = должно быть от -{ $max } до { $max }
app-entry-positive = должно быть больше нуля
app-entry-rate-range = должно быть больше { $low } и не больше { $high }
app-entry-share-range = должно быть от { $low } до { $high }
app-paste-cell-error = вставленная ячейка { $n }: { $why }
app-paste-undo = { $n ->
    [one] вставка { $n } ячейки в «{ $field }»
   *[other] вставка { $n } ячеек в «{ $field }»
}
